package dev.authrag.adapter.web.http.ratelimit;

import dev.authrag.adapter.web.http.ratelimit.LimitedRoutes.Key;
import dev.authrag.adapter.web.http.request.ClientAddressFilter;
import dev.authrag.adapter.web.http.request.TrustedProxies;
import dev.authrag.domain.ratelimit.Bucket;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;

import java.util.List;

/**
 * The per-network limits of the routes in {@link LimitedRoutes}, checked before the body is read or the security filter
 * runs, so that malformed floods count too; on the blocking pool, since the check is a database statement, and only
 * for a route with such a limit, so no other request pays the thread hop. The per-email sign-in
 * limit needs the body and is checked in the controller; per-user and per-session limits need the authentication
 * ({@link PrincipalRateLimitFilter}). {@link RateLimitFieldsFilter} reports them all.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class RateLimitFilter implements Ordered {

    private final LimitedRoutes routes;
    private final RateLimitGuard guard;

    RateLimitFilter(LimitedRoutes routes, RateLimitGuard guard) {
        this.routes = routes;
        this.guard = guard;
    }

    @RequestFilter
    public Publisher<MutableHttpResponse<?>> limitByNetwork(HttpRequest<?> request,
                                                              FilterContinuation<Publisher<MutableHttpResponse<?>>> chain) {
        List<Bucket> buckets = routes.of(request).map(route -> route.keyedBy(Key.NETWORK)).orElse(List.of());
        if (buckets.isEmpty()) {
            return chain.proceed();
        }
        String network = ClientAddressFilter.of(request).map(TrustedProxies::network).orElse("unknown");
        return guard.offEventLoop(() -> {
            for (Bucket bucket : buckets) {
                guard.check(request, bucket, network);
            }
        }, chain);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
