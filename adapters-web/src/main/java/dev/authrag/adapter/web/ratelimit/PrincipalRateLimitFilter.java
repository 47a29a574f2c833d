package dev.authrag.adapter.web.ratelimit;

import dev.authrag.adapter.web.auth.SessionPrincipal;
import dev.authrag.adapter.web.ratelimit.LimitedRoutes.Key;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ConditionalFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;

import java.util.Set;

/**
 * The per-user and per-session limits of the routes in {@link LimitedRoutes}, checked right after the security filter
 * (which has refused an unauthenticated request by then) and before the controller reads the body, so that a refused
 * request costs no parsing, hashing or model call. On the blocking pool, and only for such a route.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class PrincipalRateLimitFilter implements Ordered, ConditionalFilter {

    private static final Set<Key> KEYS = Set.of(Key.USER, Key.SESSION);

    private final LimitedRoutes routes;
    private final RateLimitGuard guard;

    PrincipalRateLimitFilter(LimitedRoutes routes, RateLimitGuard guard) {
        this.routes = routes;
        this.guard = guard;
    }

    @Override
    public boolean isEnabled(HttpRequest<?> request) {
        return routes.of(request).filter(route -> route.hasKey(KEYS)).isPresent();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void limitByPrincipal(HttpRequest<?> request) {
        Authentication authentication = request.getUserPrincipal(Authentication.class).orElse(null);
        if (authentication == null) {
            // the security filter lets no anonymous request reach a route limited per user or session
            return;
        }
        routes.of(request).ifPresent(route -> {
            for (LimitedRoutes.Limit limit : route.limits()) {
                if (limit.key() == Key.USER) {
                    guard.check(request, limit.bucket(), authentication.getName());
                } else if (limit.key() == Key.SESSION) {
                    // every credential of this service names its session (an access token names the one it came from)
                    guard.check(request, limit.bucket(), SessionPrincipal.sessionId(authentication).toString());
                }
            }
        });
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
