package dev.authrag.adapter.web.http.session;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Reads the session token from the {@code session_token} cookie, unless the request carries an
 * {@code Authorization: Bearer} header: that explicit credential is then the only one. Reader order alone cannot
 * promise this, because micronaut-security validates every token the readers find concurrently and takes whichever
 * validates first (a cookie answered from memory could beat a Bearer token that needs a lookup).
 */
@Singleton
public final class SessionCookieTokenReader implements TokenReader<HttpRequest<?>> {

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        return cookieCredential(request);
    }

    /** The cookie's session token when it is the request's credential: present, non-empty, and no Bearer header. */
    public static Optional<String> cookieCredential(HttpRequest<?> request) {
        boolean bearer = request.getHeaders().getAll(HttpHeaders.AUTHORIZATION).stream()
                .anyMatch(value -> value.regionMatches(true, 0, "Bearer ", 0, 7));
        if (bearer) {
            return Optional.empty();
        }
        return request.getCookies().findCookie(SessionCookie.NAME).map(Cookie::getValue).filter(value -> !value.isEmpty());
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }
}
