package dev.authrag.adapter.web.http.problem;

import dev.authrag.domain.auth.AuthException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.List;

/** Maps the auth exception family to problem+json, once; the switch makes every new reason a compile error until mapped. */
@Singleton
@Produces
@Requires(classes = {AuthException.class, ExceptionHandler.class})
public final class AuthExceptionHandler implements ExceptionHandler<AuthException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, AuthException exception) {
        Problem problem = switch (exception.reason()) {
            case INVALID_EMAIL -> Problem.of(HttpStatus.BAD_REQUEST, "invalid_email", exception.getMessage(), request)
                    .withErrors(List.of(new Problem.FieldError("email", exception.getMessage())));
            case WEAK_PASSWORD -> Problem.of(HttpStatus.BAD_REQUEST, "weak_password", exception.getMessage(), request)
                    .withErrors(List.of(new Problem.FieldError("password", exception.getMessage())))
                    .withReasons(exception.details());
            case INVALID_NAME -> Problem.of(HttpStatus.BAD_REQUEST, "invalid_name", exception.getMessage(), request)
                    .withErrors(List.of(new Problem.FieldError("name", exception.getMessage())));
            case EMAIL_TAKEN -> Problem.of(HttpStatus.CONFLICT, "email_taken", "Email already in use", request);
            case INVALID_CREDENTIALS -> Problem.of(HttpStatus.UNAUTHORIZED, "invalid_credentials",
                    "Invalid email or password", request);
            case UNAUTHENTICATED -> Problem.of(HttpStatus.UNAUTHORIZED, "unauthenticated", exception.getMessage(), request);
            case SESSION_NOT_FOUND -> Problem.of(HttpStatus.NOT_FOUND, "session_not_found", "No such session.", request);
            case WRONG_CURRENT_PASSWORD -> Problem.of(HttpStatus.UNAUTHORIZED, "invalid_credentials",
                    "The current password is wrong.", request);
            case RATE_LIMITED -> Problem.of(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", exception.getMessage(), request);
            case BUSY -> Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "The service is busy; retry in a moment.", request);
        };
        MutableHttpResponse<Problem> response = problem.toResponse();
        if (problem.status() == HttpStatus.UNAUTHORIZED.getCode()) {
            response.header("WWW-Authenticate", "Bearer realm=\"authrag\"");
        }
        // whole seconds, at least 1: a fraction would be invalid and 0 would invite an immediate retry
        exception.retryAfter().ifPresent(wait ->
                response.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0)))));
        return response;
    }
}
