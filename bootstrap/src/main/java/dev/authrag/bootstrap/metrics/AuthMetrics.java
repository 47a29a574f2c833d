package dev.authrag.bootstrap.metrics;

import dev.authrag.domain.ratelimit.Bucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.EnumMap;
import java.util.Map;

/**
 * The service's own counters, beside Micronaut's request, JVM and pool metrics: sign-ins by outcome and rate-limit
 * refusals by policy. Every series is registered at zero up front, so a rate over it is defined before the first event.
 */
public final class AuthMetrics {

    /** How a sign-in attempt ended; {@link #tag()} is the {@code outcome} label. */
    public enum SignInOutcome {
        SUCCESS, INVALID_CREDENTIALS, LOCKED, RATE_LIMITED;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final String SIGN_INS = "authrag.signin.outcomes";
    static final String REJECTIONS = "authrag.rate_limit.rejections";

    private final Map<SignInOutcome, Counter> signIns = new EnumMap<>(SignInOutcome.class);
    private final Map<Bucket, Counter> rejections = new EnumMap<>(Bucket.class);

    AuthMetrics(MeterRegistry registry) {
        for (SignInOutcome outcome : SignInOutcome.values()) {
            signIns.put(outcome, Counter.builder(SIGN_INS).tag("outcome", outcome.tag())
                    .description("Sign-in attempts by outcome (a locked account answers like wrong credentials)")
                    .register(registry));
        }
        for (Bucket bucket : Bucket.values()) {
            rejections.put(bucket, Counter.builder(REJECTIONS).tag("policy", bucket.policyName())
                    .description("Attempts refused with 429 by a rate limit, by policy")
                    .register(registry));
        }
    }

    public void signIn(SignInOutcome outcome) {
        signIns.get(outcome).increment();
    }

    public void rejected(Bucket bucket) {
        rejections.get(bucket).increment();
    }
}
