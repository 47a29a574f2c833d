package dev.authrag.adapter.web.http.request;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.Map;

/**
 * Puts the request id into the logging context of every thread that works on the request: later filters, the
 * security filter's token validation on the blocking executor, the {@code @ExecuteOn} controllers. A plain
 * {@code MDC.put} would stay on the event-loop thread (and leak into the next request it serves); the propagated
 * context is installed on each thread that continues the request and removed when it is done.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class RequestLogContextFilter implements Ordered {

    /** The MDC key of the request id, a top-level field of every JSON log line. */
    public static final String REQUEST_ID = "request_id";
    /** The MDC key of the authenticated caller's id, set by {@link CallerLogContextFilter}. */
    public static final String USER_ID = "user_id";

    @RequestFilter
    public void putRequestId(HttpRequest<?> request, MutablePropagatedContext context) {
        context.add(new MdcPropagationContext(Map.of(REQUEST_ID, RequestId.of(request))));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }
}
