package dev.authrag.bootstrap.ratelimit;

import dev.authrag.adapter.persistence.ratelimit.JdbcRateLimiter;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Keeps {@code rate_limit_buckets} down to the buckets still in use. Every instance runs it, which is harmless:
 * it only deletes rows that no longer limit anyone. Scheduled on Micronaut's scheduled pool, off the event loop.
 */
@Singleton
class RefilledBucketPurge {

    private static final Logger LOG = LoggerFactory.getLogger(RefilledBucketPurge.class);

    private final JdbcRateLimiter limiter;
    private final Clock clock;

    RefilledBucketPurge(JdbcRateLimiter limiter, Clock clock) {
        this.limiter = limiter;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "5m", initialDelay = "1m")
    void purge() {
        int purged = limiter.purgeRefilled(clock.instant());
        if (purged > 0) {
            LOG.debug("purged {} refilled rate-limit buckets", purged);
        }
    }
}
