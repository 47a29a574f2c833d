package dev.authrag.adapter.web.http.ratelimit;

import dev.authrag.domain.ratelimit.Admission;
import dev.authrag.domain.ratelimit.Bucket;
import dev.authrag.domain.ratelimit.Quota;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The IETF httpapi rate-limit fields (draft-ietf-httpapi-ratelimit-headers-10), both Structured Field lists whose
 * items are the policy names as strings: {@code RateLimit-Policy: "signin-ip";q=10;w=300} states a quota,
 * {@code RateLimit: "signin-ip";r=7;t=30} says how much of it is left ({@code r}) and in how many seconds one more
 * unit is available ({@code t}). A route under two limits lists both; a client honours the tighter one.
 */
final class RateLimitHeaders {

    static final String POLICY = "RateLimit-Policy";
    static final String STATE = "RateLimit";

    private RateLimitHeaders() {
    }

    static String policy(List<Bucket> buckets, Map<Bucket, Quota> quotas) {
        return buckets.stream()
                .map(bucket -> item(bucket) + ";q=" + quotas.get(bucket).limit() + ";w=" + quotas.get(bucket).window().toSeconds())
                .collect(Collectors.joining(", "));
    }

    static String state(List<Admission> admissions) {
        return admissions.stream()
                .map(admission -> item(admission.bucket()) + ";r=" + admission.remaining() + ";t=" + admission.secondsUntilMore())
                .collect(Collectors.joining(", "));
    }

    /** Policy names are lower-case letters and hyphens, so they need no escaping inside an sf-string. */
    private static String item(Bucket bucket) {
        return "\"" + bucket.policyName() + "\"";
    }
}
