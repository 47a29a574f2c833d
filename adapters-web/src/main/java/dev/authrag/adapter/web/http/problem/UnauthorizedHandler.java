package dev.authrag.adapter.web.http.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

/**
 * The security filter's refusals as problem+json: 401 with a Bearer challenge (RFC 6750: {@code invalid_token}
 * when a credential was presented but not accepted), 403 when authenticated but not allowed.
 */
@Singleton
@Produces
@Replaces(DefaultAuthorizationExceptionHandler.class)
public final class UnauthorizedHandler implements ExceptionHandler<AuthorizationException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            return Problem.of(HttpStatus.FORBIDDEN, "forbidden", "You are not allowed to do this.", request).toResponse();
        }
        return unauthenticated(request);
    }

    /** The 401 of a request without an accepted credential: {@code invalid_token} when one was presented. */
    public static MutableHttpResponse<Problem> unauthenticated(HttpRequest<?> request) {
        boolean presented = request.getHeaders().getAuthorization().isPresent()
                || request.getCookies().contains("session_token");
        MutableHttpResponse<Problem> response = Problem.of(HttpStatus.UNAUTHORIZED, "unauthenticated",
                presented ? "The session or token is invalid, expired or revoked." : "Authentication is required.",
                request).toResponse();
        return response.header("WWW-Authenticate",
                presented ? "Bearer realm=\"authrag\", error=\"invalid_token\"" : "Bearer realm=\"authrag\"");
    }
}
