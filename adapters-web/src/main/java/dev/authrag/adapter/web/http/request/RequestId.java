package dev.authrag.adapter.web.http.request;

import io.micronaut.http.HttpRequest;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties a response to its log lines: the client's {@code X-Request-Id} when it is 1..128 safe
 * characters, otherwise a new UUID.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = "authrag.request-id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:/+=@-]{1,128}");

    private RequestId() {
    }

    /** The request's id, assigned on first use so that even a request rejected before any filter has one. */
    public static String of(HttpRequest<?> request) {
        if (request == null) {
            return UUID.randomUUID().toString();
        }
        return request.getAttribute(ATTRIBUTE, String.class).orElseGet(() -> {
            String presented = request.getHeaders().get(HEADER);
            String id = presented != null && SAFE.matcher(presented).matches() ? presented : UUID.randomUUID().toString();
            request.setAttribute(ATTRIBUTE, id);
            return id;
        });
    }
}
