package dev.authrag.adapter.web.ratelimit;

import dev.authrag.adapter.web.ratelimit.LimitedRoutes.Key;
import dev.authrag.adapter.web.request.ClientAddressFilter;
import dev.authrag.adapter.web.request.TrustedProxies;
import dev.authrag.domain.ratelimit.Bucket;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ConditionalFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Set;

/**
 * The per-network limits of the routes in {@link LimitedRoutes}, checked before the body is read or the security filter
 * runs, so that malformed floods count too; on the blocking pool, since the check is a database statement. It runs
 * only for a limited route ({@link ConditionalFilter}), so no other request pays the thread hop. The per-email sign-in
 * limit needs the body and is checked in the controller; per-user and per-session limits need the authentication
 * ({@link PrincipalRateLimitFilter}). {@link RateLimitFieldsFilter} reports them all.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class RateLimitFilter implements Ordered, ConditionalFilter {

    private final LimitedRoutes routes;
    private final RateLimitGuard guard;

    RateLimitFilter(LimitedRoutes routes, RateLimitGuard guard) {
        this.routes = routes;
        this.guard = guard;
    }

    @Override
    public boolean isEnabled(HttpRequest<?> request) {
        return routes.of(request).filter(route -> route.hasKey(Set.of(Key.NETWORK))).isPresent();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void limitByNetwork(HttpRequest<?> request) {
        routes.of(request).ifPresent(route -> {
            String network = ClientAddressFilter.of(request).map(TrustedProxies::network).orElse("unknown");
            for (Bucket bucket : route.keyedBy(Key.NETWORK)) {
                guard.check(request, bucket, network);
            }
        });
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
