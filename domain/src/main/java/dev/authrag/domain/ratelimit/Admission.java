package dev.authrag.domain.ratelimit;

import dev.authrag.domain.auth.AuthException;

import java.time.Duration;

/**
 * The answer to one attempt against a bucket, and where the bucket stands afterwards.
 *
 * @param remaining attempts the bucket would admit right now, after this one
 * @param untilMore how long until the bucket admits one attempt more than {@code remaining}; for a refused
 *                  attempt, how long until it would be admitted
 */
public record Admission(Bucket bucket, Quota quota, boolean allowed, int remaining, Duration untilMore) {

    public Admission {
        if (bucket == null || quota == null || untilMore == null || untilMore.isNegative() || remaining < 0
                || remaining > quota.limit() || (!allowed && remaining != 0)) {
            throw new IllegalArgumentException("inconsistent admission");
        }
    }

    /** {@link #untilMore()} in whole seconds, rounded up, so that a client waiting this long is not early. */
    public long secondsUntilMore() {
        long seconds = untilMore.getSeconds() + (untilMore.getNano() > 0 ? 1 : 0);
        return Math.max(allowed ? 0 : 1, seconds);
    }

    /**
     * @throws AuthException RATE_LIMITED, carrying the wait in whole seconds (at least 1), when the attempt was refused
     */
    public void requireAllowed() {
        if (!allowed) {
            long seconds = secondsUntilMore();
            throw AuthException.rateLimited(bucket.refusal() + ". Try again in " + seconds
                    + (seconds == 1 ? " second." : " seconds."), Duration.ofSeconds(seconds));
        }
    }
}
