package dev.authrag.domain.ratelimit;

import java.util.EnumMap;
import java.util.Map;

/**
 * The deployment's rate-limit policy: a quota for every bucket, or, switched off, none at all.
 *
 * @param quotas one per {@link Bucket}, required when enabled
 */
public record RateLimits(boolean enabled, Map<Bucket, Quota> quotas) {

    public RateLimits {
        EnumMap<Bucket, Quota> copy = new EnumMap<>(Bucket.class);
        copy.putAll(quotas);
        if (enabled && copy.size() != Bucket.values().length) {
            throw new IllegalArgumentException("every bucket needs a quota; got " + copy.keySet());
        }
        quotas = Map.copyOf(copy);
    }

    public Quota quota(Bucket bucket) {
        Quota quota = quotas.get(bucket);
        if (quota == null) {
            throw new IllegalStateException("no quota for " + bucket);
        }
        return quota;
    }
}
