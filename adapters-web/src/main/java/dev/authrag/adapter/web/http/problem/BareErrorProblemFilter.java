package dev.authrag.adapter.web.http.problem;

import dev.authrag.adapter.web.http.request.RequestId;
import dev.authrag.adapter.web.http.request.ResponseHeadersFilter;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.annotation.PreMatching;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Gives a problem body, and the headers every response carries, to an error response written without them, so that
 * every 4xx/5xx is problem+json: Micronaut's CORS filter refuses a preflight (before routing, so no other filter of
 * ours sees it) or a request from an origin outside the allowlist with a bare 403. Pre-matching and first, so it
 * wraps everything else.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class BareErrorProblemFilter implements Ordered {

    @PreMatching
    @RequestFilter
    public Publisher<MutableHttpResponse<?>> wrap(HttpRequest<?> request,
                                                  FilterContinuation<Publisher<MutableHttpResponse<?>>> chain) {
        return Mono.from(chain.proceed()).map(response -> {
            if (response.getStatus().getCode() >= 400 && response.getBody().isEmpty()
                    && request.getMethod() != HttpMethod.HEAD) {
                response.body(ProblemErrorResponseProcessor.forStatus(response.getStatus(), request))
                        .contentType(Problem.APPLICATION_PROBLEM_JSON);
                if (!response.getHeaders().contains(RequestId.HEADER)) {
                    ResponseHeadersFilter.addHeaders(request, response);
                }
            }
            return response;
        });
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }
}
