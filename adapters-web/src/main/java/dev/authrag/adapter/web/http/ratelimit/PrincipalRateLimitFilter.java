package dev.authrag.adapter.web.http.ratelimit;

import dev.authrag.adapter.web.http.session.SessionPrincipal;
import dev.authrag.adapter.web.http.ratelimit.LimitedRoutes.Key;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import io.micronaut.security.authentication.Authentication;

import java.util.List;
import java.util.Set;

/**
 * The per-user and per-session limits of the routes in {@link LimitedRoutes}, checked right after the security filter
 * (which has refused an unauthenticated request by then) and before the controller reads the body, so that a refused
 * request costs no parsing, hashing or model call. On the blocking pool, and only for such a route (the filter runs
 * for every request; the others pass at once on the event loop).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class PrincipalRateLimitFilter implements Ordered {

    private static final Set<Key> PRINCIPAL_KEYS = Set.of(Key.USER, Key.SESSION);

    private final LimitedRoutes routes;
    private final RateLimitGuard guard;

    PrincipalRateLimitFilter(LimitedRoutes routes, RateLimitGuard guard) {
        this.routes = routes;
        this.guard = guard;
    }

    @RequestFilter
    public Publisher<MutableHttpResponse<?>> limitByPrincipal(HttpRequest<?> request,
                                                                FilterContinuation<Publisher<MutableHttpResponse<?>>> chain) {
        List<LimitedRoutes.Limit> limits = routes.of(request).map(LimitedRoutes.LimitedRoute::limits).orElse(List.of())
                .stream().filter(limit -> PRINCIPAL_KEYS.contains(limit.key())).toList();
        Authentication authentication = request.getUserPrincipal(Authentication.class).orElse(null);
        if (limits.isEmpty() || authentication == null) {
            // the security filter lets no anonymous request reach a route limited per user or session
            return chain.proceed();
        }
        return guard.offEventLoop(() -> {
            for (LimitedRoutes.Limit limit : limits) {
                // every credential of this service names its user and its session (an access token, the one it came from)
                String subject = limit.key() == Key.USER ? authentication.getName()
                        : SessionPrincipal.sessionId(authentication).toString();
                guard.check(request, limit.bucket(), subject);
            }
        }, chain);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
