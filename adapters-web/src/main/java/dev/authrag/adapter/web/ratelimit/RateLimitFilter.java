package dev.authrag.adapter.web.ratelimit;

import dev.authrag.adapter.web.request.ClientAddressFilter;
import dev.authrag.adapter.web.request.TrustedProxies;
import dev.authrag.domain.ratelimit.Bucket;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;
import java.util.Map;

/**
 * The per-network limits of the anonymous auth routes, checked before the body is read or the security filter runs,
 * so that malformed floods count too; on the blocking pool, since the check is a database statement. The per-email
 * sign-in limit needs the body and is checked in the controller. {@link RateLimitFieldsFilter} reports both.
 */
@ServerFilter(patterns = {RateLimitFilter.SIGN_IN, RateLimitFilter.REGISTER}, methods = HttpMethod.POST)
public final class RateLimitFilter implements Ordered {

    static final String SIGN_IN = "/api/auth/sign-in";
    static final String REGISTER = "/api/auth/register";

    /** Each limited route's buckets; the first is keyed on the client's network. */
    static final Map<String, List<Bucket>> ROUTES = Map.of(
            SIGN_IN, List.of(Bucket.SIGNIN_IP, Bucket.SIGNIN_EMAIL),
            REGISTER, List.of(Bucket.REGISTER_IP));

    private final RateLimitGuard guard;

    RateLimitFilter(RateLimitGuard guard) {
        this.guard = guard;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void limitByNetwork(HttpRequest<?> request) {
        List<Bucket> buckets = ROUTES.get(request.getPath());
        if (buckets != null) {
            String network = ClientAddressFilter.of(request).map(TrustedProxies::network).orElse("unknown");
            guard.check(request, buckets.get(0), network);
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
