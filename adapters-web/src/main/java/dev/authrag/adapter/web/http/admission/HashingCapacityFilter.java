package dev.authrag.adapter.web.http.admission;

import dev.authrag.application.auth.PasswordHasher;

import dev.authrag.adapter.web.http.problem.Problem;
import dev.authrag.adapter.web.http.ratelimit.LimitedRoutes;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Sheds a request that would hash a password while hashing is at capacity, before anything else is spent on it
 * (no body parsing, no rate-limit or account query): under overload the work goes to the requests that were
 * admitted, whose wait stays bounded (see {@link PasswordHasher#atCapacity()}: a full queue, or a hash that at
 * the recent pace would finish later than PASSWORD_HASH_MAX_WAIT). A request that slips past as capacity runs out
 * is refused the same way by the hasher itself.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class HashingCapacityFilter implements Ordered {

    private final PasswordHasher hasher;
    private final LimitedRoutes routes;

    HashingCapacityFilter(PasswordHasher hasher, LimitedRoutes routes) {
        this.hasher = hasher;
        this.routes = routes;
    }

    @RequestFilter
    @Nullable
    public MutableHttpResponse<Problem> shedWhenFull(HttpRequest<?> request) {
        // the routes LimitedRoutes marks as hashing, found by the matched route however the path was spelled
        if (routes.of(request).filter(LimitedRoutes.LimitedRoute::hashes).isEmpty() || !hasher.atCapacity()) {
            return null;
        }
        return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "The service is busy; retry in a moment.", request)
                .toResponse()
                .header("Retry-After", "1");
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }
}
