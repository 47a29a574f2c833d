package dev.authrag.adapter.web.ratelimit;

import dev.authrag.domain.ratelimit.Admission;
import dev.authrag.domain.ratelimit.Bucket;
import dev.authrag.domain.ratelimit.RateLimits;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.List;

/**
 * Writes {@code RateLimit-Policy} (every limit of the route) and {@code RateLimit} (every limit checked so far) on
 * every response of a limited route, 429s included. It wraps {@link RateLimitFilter} from outside: a filter's own
 * response method does not see the response its request method failed with.
 */
@ServerFilter(patterns = {RateLimitFilter.SIGN_IN, RateLimitFilter.REGISTER, RateLimitFieldsFilter.CHAT_MESSAGE}, methods = HttpMethod.POST)
public final class RateLimitFieldsFilter implements Ordered {

    /** Limited per user in the chat controller, after authentication; described here like the others. */
    static final String CHAT_MESSAGE = "/api/chat/message";
    private static final java.util.Map<String, List<Bucket>> DESCRIBED = java.util.Map.of(
            RateLimitFilter.SIGN_IN, RateLimitFilter.ROUTES.get(RateLimitFilter.SIGN_IN),
            RateLimitFilter.REGISTER, RateLimitFilter.ROUTES.get(RateLimitFilter.REGISTER),
            CHAT_MESSAGE, List.of(Bucket.CHAT_USER));

    private final RateLimits limits;

    RateLimitFieldsFilter(RateLimits limits) {
        this.limits = limits;
    }

    @ResponseFilter
    public void describeLimits(HttpRequest<?> request, MutableHttpResponse<?> response) {
        List<Bucket> buckets = DESCRIBED.get(request.getPath());
        if (buckets == null || !limits.enabled()) {
            return;
        }
        response.getHeaders().set(RateLimitHeaders.POLICY, RateLimitHeaders.policy(buckets, limits.quotas()));
        List<Admission> admissions = RateLimitGuard.admissions(request);
        if (!admissions.isEmpty()) {
            response.getHeaders().set(RateLimitHeaders.STATE, RateLimitHeaders.state(admissions));
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before() - 1;
    }
}
