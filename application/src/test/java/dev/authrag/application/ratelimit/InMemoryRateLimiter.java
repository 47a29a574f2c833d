package dev.authrag.application.ratelimit;

import dev.authrag.domain.ratelimit.Admission;
import dev.authrag.domain.ratelimit.BucketKey;
import dev.authrag.domain.ratelimit.Quota;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A {@link RateLimiter} for one process; the lock plays the part of the database's row lock. */
public final class InMemoryRateLimiter implements RateLimiter {

    private final Map<BucketKey, Instant> tats = new HashMap<>();
    private final List<BucketKey> asked = new ArrayList<>();

    @Override
    public synchronized Admission acquire(BucketKey key, Quota quota, Instant now) {
        asked.add(key);
        Instant tat = tats.get(key);
        boolean admitted = quota.admits(tat, now);
        if (admitted) {
            tat = quota.advance(tat, now);
            tats.put(key, tat);
        }
        return quota.admission(key.bucket(), admitted, tat, now);
    }

    /** Every key asked about, in order. */
    public synchronized List<BucketKey> asked() {
        return List.copyOf(asked);
    }
}
