package dev.authrag.adapter.web.http.session;

import dev.authrag.adapter.web.http.problem.Problem;
import dev.authrag.adapter.web.http.problem.UnauthorizedHandler;
import dev.authrag.application.auth.VerifySession;
import dev.authrag.domain.session.SessionToken;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.RouteAttributes;

import java.util.Optional;

/**
 * Answers 401 at once for a session token this instance remembers as refused (revoked, or unknown to storage), on a
 * route that requires authentication: the same answer {@link UnauthorizedHandler} gives, without the security
 * filter's rejection, which Micronaut turns into an exception and then looks up an exception handler for, per
 * request (measured: about 40% of the CPU of a refusal). So a flood of one bad token costs about what a good one
 * does. Anything memory does not know, any other route, and any credential that is not a session token take the
 * usual path; header and memory reads only, so it stays on the event loop.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class RememberedRefusalFilter implements Ordered {

    private static final String BEARER = "Bearer ";

    private final VerifySession verifySession;

    RememberedRefusalFilter(VerifySession verifySession) {
        this.verifySession = verifySession;
    }

    @RequestFilter
    @Nullable
    public MutableHttpResponse<Problem> refuseRemembered(HttpRequest<?> request) {
        if (!requiresAuthentication(request)) {
            return null;
        }
        Optional<SessionToken> token = presentedSessionToken(request);
        if (token.isEmpty() || !verifySession.verifyFromMemory(token.get()).refused()) {
            return null;
        }
        return UnauthorizedHandler.unauthenticated(request);
    }

    /** Only a route whose one rule is "authenticated": an anonymous route treats a bad credential as none. */
    private static boolean requiresAuthentication(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .map(route -> route.getAnnotationMetadata().stringValues(Secured.class))
                .filter(rules -> rules.length == 1 && SecurityRule.IS_AUTHENTICATED.equals(rules[0]))
                .isPresent();
    }

    /** The session token the token readers would take: a Bearer value that is one, else the cookie. */
    private static Optional<SessionToken> presentedSessionToken(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            return authorization.startsWith(BEARER) ? SessionToken.parse(authorization.substring(BEARER.length())) : Optional.empty();
        }
        return SessionCookieTokenReader.cookieCredential(request).flatMap(SessionToken::parse);
    }

    @Override
    public int getOrder() {
        // after the cross-site and content-type refusals, before the security filter
        return ServerFilterPhase.SECURITY.before() - 2;
    }
}
