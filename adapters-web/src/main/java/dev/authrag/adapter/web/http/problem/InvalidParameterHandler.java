package dev.authrag.adapter.web.http.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.List;

/** {@link InvalidParameterException} as a 400 {@code invalid_request} problem with the parameter in {@code errors}. */
@Singleton
@Produces
public final class InvalidParameterHandler implements ExceptionHandler<InvalidParameterException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, InvalidParameterException exception) {
        String detail = exception.parameter() + " " + exception.getMessage();
        return Problem.of(HttpStatus.BAD_REQUEST, "invalid_request", detail, request)
                .withErrors(List.of(new Problem.FieldError(exception.parameter(), exception.getMessage())))
                .toResponse();
    }
}
