package dev.authrag.adapter.web.http.ratelimit;

import dev.authrag.domain.ratelimit.Bucket;
import io.micronaut.context.annotation.Context;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one table of limited routes: for each, the rate-limit buckets that count its requests and whether it hashes a
 * password (so is shed while hashing is at capacity). Every filter that limits, sheds or describes a route reads it,
 * and finds the route by the request's matched route ({@link RouteAttributes}), never by the raw path: the router
 * matches {@code /api/auth/register/} (and every other spelling it accepts) to the same route as
 * {@code /api/auth/register}, and so does this table. Micronaut matches the route before any filter that is not
 * {@code @PreMatching} runs.
 *
 * <p>Each bucket is keyed by what its {@link Key} says, and checked where that key is known: the client's network
 * before the security filter ({@link RateLimitFilter}), the user or session after it ({@link PrincipalRateLimitFilter}),
 * the email in the controller, which has the body. Created at start-up ({@code @Context}), it refuses to start if a
 * row names a route that does not exist, so renaming a route cannot silently drop its limits.
 */
@Context
public final class LimitedRoutes {

    /** What a bucket counts requests by. */
    public enum Key {
        /** The client's network (IPv4 address, IPv6 /64), before authentication. */
        NETWORK,
        /** The email in the body; the controller checks it before any hashing. */
        EMAIL,
        /** The authenticated user. */
        USER,
        /** The authenticated session. */
        SESSION
    }

    /** One bucket of a route and what it is keyed by. */
    public record Limit(Bucket bucket, Key key) {
    }

    /**
     * @param limits the route's buckets, in the order they are checked (and listed in {@code RateLimit-Policy})
     * @param hashes whether the route hashes or verifies a password, so is shed while hashing is at capacity
     */
    public record LimitedRoute(HttpMethod method, String path, List<Limit> limits, boolean hashes) {

        public LimitedRoute {
            limits = List.copyOf(limits);
        }

        public List<Bucket> buckets() {
            return limits.stream().map(Limit::bucket).toList();
        }

        public List<Bucket> keyedBy(Key key) {
            return limits.stream().filter(limit -> limit.key() == key).map(Limit::bucket).toList();
        }
    }

    static final List<LimitedRoute> TABLE = List.of(
            new LimitedRoute(HttpMethod.POST, "/api/auth/register",
                    List.of(new Limit(Bucket.REGISTER_IP, Key.NETWORK)), true),
            new LimitedRoute(HttpMethod.POST, "/api/auth/sign-in",
                    List.of(new Limit(Bucket.SIGNIN_IP, Key.NETWORK), new Limit(Bucket.SIGNIN_EMAIL, Key.EMAIL)), true),
            new LimitedRoute(HttpMethod.POST, "/api/auth/change-password",
                    List.of(new Limit(Bucket.CHANGE_PASSWORD_USER, Key.USER)), true),
            new LimitedRoute(HttpMethod.POST, "/api/auth/token",
                    List.of(new Limit(Bucket.TOKEN_SESSION, Key.SESSION)), false),
            new LimitedRoute(HttpMethod.POST, "/api/chat/message",
                    List.of(new Limit(Bucket.CHAT_USER, Key.USER)), false));

    private final Map<String, LimitedRoute> byRoute = TABLE.stream()
            .collect(Collectors.toUnmodifiableMap(route -> key(route.method(), route.path()), Function.identity()));

    LimitedRoutes(Router router) {
        Set<String> routes = router.uriRoutes()
                .map(route -> key(route.getHttpMethod(), route.getUriMatchTemplate().toPathString()))
                .collect(Collectors.toSet());
        for (LimitedRoute limited : TABLE) {
            if (!routes.contains(key(limited.method(), limited.path()))) {
                throw new IllegalStateException("the rate-limit table names " + limited.method() + " " + limited.path()
                        + ", which no controller serves");
            }
        }
    }

    /** The limited route the request was matched to; empty for every other route and for unmatched requests. */
    public Optional<LimitedRoute> of(HttpRequest<?> request) {
        return RouteAttributes.getRouteInfo(request)
                .filter(UriRouteInfo.class::isInstance)
                .map(UriRouteInfo.class::cast)
                .map(route -> byRoute.get(key(route.getHttpMethod(), route.getUriMatchTemplate().toPathString())));
    }

    private static String key(HttpMethod method, String path) {
        return method + " " + path;
    }
}
