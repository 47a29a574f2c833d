package dev.authrag.adapter.web.http.session;

import dev.authrag.domain.session.SessionToken;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;

/**
 * Renews the {@code session_token} cookie on the response to the request that slid its session's idle expiry, so a
 * browser in use keeps its cookie as long as the server keeps its session (the cookie's Max-Age is the idle timeout;
 * without renewal an active user would be signed out when the first cookie ran out). Only when the session token came
 * from that cookie (no Authorization header), and never over a Set-Cookie the route wrote itself (sign-out clears it).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class SessionCookieRenewalFilter implements Ordered {

    private final SessionCookie cookie;

    SessionCookieRenewalFilter(SessionCookie cookie) {
        this.cookie = cookie;
    }

    @ResponseFilter
    public void renew(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getHeaders().contains(HttpHeaders.AUTHORIZATION) || response.getHeaders().contains(HttpHeaders.SET_COOKIE)) {
            return;
        }
        request.getUserPrincipal(Authentication.class)
                .filter(SessionPrincipal::bySessionToken)
                .flatMap(SessionPrincipal::current)
                .filter(current -> current.renewed())
                .ifPresent(current -> request.getCookies().findCookie(SessionCookie.NAME)
                        .map(Cookie::getValue)
                        .flatMap(SessionToken::parse)
                        .filter(token -> token.hash().equals(current.session().tokenHash()))
                        .ifPresent(token -> response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie.renew(token, current.session()))));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
