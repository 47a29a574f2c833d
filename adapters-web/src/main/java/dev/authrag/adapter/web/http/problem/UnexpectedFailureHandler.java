package dev.authrag.adapter.web.http.problem;

import dev.authrag.application.auth.HashingOverloadedException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Every exception no other handler claims. Two are conditions, not bugs, and answer 503 with Retry-After so
 * clients back off: the database cannot be reached ({@code database_unavailable}) and password hashing is at
 * capacity ({@code overloaded}, load shedding). Anything else is a 500 whose body says nothing of the cause.
 */
@Singleton
@Produces
public final class UnexpectedFailureHandler implements ExceptionHandler<RuntimeException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedFailureHandler.class);
    static final String DATABASE_RETRY_SECONDS = "5";
    static final String OVERLOAD_RETRY_SECONDS = "1";
    private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, RuntimeException exception) {
        if (causedBy(exception, HashingOverloadedException.class)) {
            LOG.warn("request shed: password hashing at capacity");
            return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "overloaded",
                    "The service is busy; retry in a moment.", request).toResponse()
                    .header("Retry-After", OVERLOAD_RETRY_SECONDS);
        }
        if (isDatabaseUnreachable(exception)) {
            LOG.warn("database unavailable: {}", rootMessageType(exception));
            return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "database_unavailable",
                    "The service cannot reach its database; retry shortly.", request).toResponse()
                    .header("Retry-After", DATABASE_RETRY_SECONDS);
        }
        LOG.error("unexpected failure", exception);
        return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "An unexpected error occurred. Quote the request id when reporting it.", request).toResponse();
    }

    /**
     * A connection that cannot be had or was lost: pool time-outs, SQLSTATE class 08 (connection exception), the
     * server shutting down (57P01, 57P03), and the pool's stand-in for a connection it has just evicted as broken.
     * Suppressed exceptions count too: clean-up that fails on the dead connection can carry the original failure.
     */
    static boolean isDatabaseUnreachable(Throwable failure) {
        return isDatabaseUnreachable(failure, 0);
    }

    private static boolean isDatabaseUnreachable(Throwable failure, int depth) {
        for (Throwable cause = failure; cause != null && depth < 16; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || isLostConnection(cause)
                    || cause instanceof java.net.ConnectException || cause instanceof java.io.EOFException) {
                return true;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (isDatabaseUnreachable(suppressed, depth + 1)) {
                    return true;
                }
            }
            depth++;
        }
        return false;
    }

    private static boolean isLostConnection(Throwable cause) {
        if (!(cause instanceof SQLException sql)) {
            return false;
        }
        String state = sql.getSQLState();
        if (state != null) {
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P03");
        }
        // HikariCP swaps a connection that failed fatally for a closed stand-in whose every call throws this,
        // without a SQLSTATE; Micronaut Data's clean-up (resetting read-only) then hides the original 08006
        return HIKARI_CLOSED_CONNECTION.equals(sql.getMessage());
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessageType(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
