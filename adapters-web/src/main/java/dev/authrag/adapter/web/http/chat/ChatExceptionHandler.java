package dev.authrag.adapter.web.http.chat;

import dev.authrag.adapter.web.http.problem.Problem;
import dev.authrag.application.chat.AnsweringStatus;
import dev.authrag.domain.chat.ChatException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.List;

/** Maps the chat exception family to problem+json, once; the switch makes every new reason a compile error until mapped. */
@Singleton
@Produces
public final class ChatExceptionHandler implements ExceptionHandler<ChatException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ChatException exception) {
        Problem problem = switch (exception.reason()) {
            case INVALID_MESSAGE -> Problem.of(HttpStatus.BAD_REQUEST, "invalid_message", exception.getMessage(), request)
                    .withErrors(List.of(new Problem.FieldError("message", exception.getMessage())));
            case CONVERSATION_NOT_FOUND -> Problem.of(HttpStatus.NOT_FOUND, "conversation_not_found", "No such conversation.", request);
            case ANSWER_UNAVAILABLE -> Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "answer_unavailable",
                    "The answering service is unavailable right now; your message was kept. Try again shortly.", request);
        };
        MutableHttpResponse<Problem> response = problem.toResponse();
        if (problem.status() == HttpStatus.SERVICE_UNAVAILABLE.getCode()) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(AnsweringStatus.RECOVERY.toSeconds()));
        }
        return response;
    }
}
