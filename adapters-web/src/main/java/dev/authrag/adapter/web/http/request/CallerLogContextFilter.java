package dev.authrag.adapter.web.http.request;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Right after the security filter has accepted a credential, adds the caller's user id to the request's logging
 * context, so every later line of the request (on whichever thread) says who it was for.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class CallerLogContextFilter implements Ordered {

    @RequestFilter
    public void putUserId(HttpRequest<?> request, MutablePropagatedContext context) {
        request.getUserPrincipal(Authentication.class).ifPresent(caller -> {
            Optional<MdcPropagationContext> current = context.getContext().find(MdcPropagationContext.class);
            Map<String, String> state = new HashMap<>(current.map(MdcPropagationContext::state).orElse(Map.of()));
            state.put(RequestLogContextFilter.USER_ID, caller.getName());
            MdcPropagationContext withCaller = new MdcPropagationContext(Map.copyOf(state));
            current.ifPresentOrElse(old -> context.replace(old, withCaller), () -> context.add(withCaller));
        });
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
