package dev.authrag.adapter.web.http.request;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.order.Ordered;

/**
 * Runs first on every request: assigns the request id, and on the way out adds it and the security headers
 * to every response, errors from later filters (401, 404, 413, 500) included.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class ResponseHeadersFilter implements Ordered {

    @RequestFilter
    public void assignRequestId(HttpRequest<?> request) {
        RequestId.of(request);
    }

    @ResponseFilter
    public void onResponse(HttpRequest<?> request, MutableHttpResponse<?> response) {
        addHeaders(request, response);
    }

    /** The request id and security headers; also for the few responses Micronaut writes without running filters. */
    public static void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        headers.set(RequestId.HEADER, RequestId.of(request));
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        if (!headers.contains("Content-Security-Policy")) {
            headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        }
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
        if (request.getPath().startsWith("/api/")) {
            headers.set("Cache-Control", "no-store");
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
