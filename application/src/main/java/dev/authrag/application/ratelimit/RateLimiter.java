package dev.authrag.application.ratelimit;

import dev.authrag.domain.ratelimit.Admission;
import dev.authrag.domain.ratelimit.BucketKey;
import dev.authrag.domain.ratelimit.Quota;

import java.time.Instant;

/** Driven port: the rate-limit buckets every instance of the service shares. */
public interface RateLimiter {

    /**
     * Counts one attempt against the bucket if its quota admits it at {@code now} ({@link Quota#admits}), as one
     * atomic step, so that concurrent attempts from any number of instances are never admitted beyond the quota.
     * A refused attempt leaves the bucket as it was.
     */
    Admission acquire(BucketKey key, Quota quota, Instant now);
}
