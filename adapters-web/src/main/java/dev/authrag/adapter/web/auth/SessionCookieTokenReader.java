package dev.authrag.adapter.web.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Reads the session token from the {@code session_token} cookie; an Authorization header takes precedence. */
@Singleton
public final class SessionCookieTokenReader implements TokenReader<HttpRequest<?>> {

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        return request.getCookies().findCookie(SessionCookie.NAME).map(Cookie::getValue).filter(value -> !value.isEmpty());
    }

    @Override
    public int getOrder() {
        // after the bearer reader, so an explicit Authorization header wins over an ambient cookie
        return LOWEST_PRECEDENCE;
    }
}
