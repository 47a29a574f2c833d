package dev.authrag.application.ratelimit;

import dev.authrag.domain.ratelimit.Admission;
import dev.authrag.domain.ratelimit.BucketKey;
import dev.authrag.domain.ratelimit.RateLimits;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Looks up the bucket's quota and asks the shared limiter; time is cut to microseconds, what the store keeps. */
public final class AdmitAttemptService implements AdmitAttempt {

    private final RateLimiter limiter;
    private final RateLimits limits;
    private final Clock clock;

    public AdmitAttemptService(RateLimiter limiter, RateLimits limits, Clock clock) {
        this.limiter = limiter;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public Optional<Admission> admit(Attempt attempt) {
        if (!limits.enabled()) {
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Optional.of(limiter.acquire(BucketKey.of(attempt.bucket(), attempt.subject()),
                limits.quota(attempt.bucket()), now));
    }
}
