package dev.authrag.adapter.web.http.ratelimit;

import dev.authrag.domain.ratelimit.Admission;
import dev.authrag.domain.ratelimit.RateLimits;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.List;

/**
 * Writes {@code RateLimit-Policy} (every limit of the route, from {@link LimitedRoutes}) and {@code RateLimit} (every
 * limit checked so far) on every response of a limited route, 429s included. It wraps {@link RateLimitFilter} from
 * outside: a filter's own response method does not see the response its request method failed with.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class RateLimitFieldsFilter implements Ordered {

    private final LimitedRoutes routes;
    private final RateLimits limits;

    RateLimitFieldsFilter(LimitedRoutes routes, RateLimits limits) {
        this.routes = routes;
        this.limits = limits;
    }

    @ResponseFilter
    public void describeLimits(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!limits.enabled()) {
            return;
        }
        routes.of(request).ifPresent(route -> {
            response.getHeaders().set(RateLimitHeaders.POLICY, RateLimitHeaders.policy(route.buckets(), limits.quotas()));
            List<Admission> admissions = RateLimitGuard.admissions(request);
            if (!admissions.isEmpty()) {
                response.getHeaders().set(RateLimitHeaders.STATE, RateLimitHeaders.state(admissions));
            }
        });
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before() - 1;
    }
}
