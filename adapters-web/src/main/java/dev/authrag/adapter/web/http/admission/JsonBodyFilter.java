package dev.authrag.adapter.web.http.admission;

import dev.authrag.adapter.web.http.problem.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;

import java.util.Optional;

/**
 * 415 {@code unsupported_media_type} for a request to a route that takes a body ({@code @Body}) without a content type
 * the route consumes ({@code @Consumes}, JSON here). The router already refuses a wrong content type, but matches a
 * request that has none at all, and a browser form or {@code fetch} with a text body can then reach the controller.
 * Read from the matched route, so every such route, and every spelling of its path, is covered; a route without a
 * body (sign-out) needs no content type. Header parsing only: it stays on the event loop.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class JsonBodyFilter implements Ordered {

    @RequestFilter
    @Nullable
    public MutableHttpResponse<Problem> requireContentType(HttpRequest<?> request) {
        Optional<MediaType> contentType = request.getContentType();
        RouteInfo<?> route = bodyRoute(request).orElse(null);
        if (route == null || contentType.isPresent() && route.doesConsume(contentType.get())) {
            return null;
        }
        return Problem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "Send the request body as application/json.", request).toResponse();
    }

    private static Optional<RouteInfo<?>> bodyRoute(HttpRequest<?> request) {
        return RouteAttributes.getRouteInfo(request).filter(route -> route.getBodyArgument().isPresent());
    }

    @Override
    public int getOrder() {
        // before rate limits, authentication and the body is read
        return ServerFilterPhase.SECURITY.before() - 5;
    }
}
