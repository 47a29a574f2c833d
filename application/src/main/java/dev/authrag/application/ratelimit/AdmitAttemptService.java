package dev.authrag.application.ratelimit;

import dev.authrag.application.audit.AuditTrail;
import dev.authrag.domain.audit.SecurityEvent;
import dev.authrag.domain.ratelimit.Admission;
import dev.authrag.domain.ratelimit.BucketKey;
import dev.authrag.domain.ratelimit.RateLimits;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Looks up the bucket's quota and asks the shared limiter; time is cut to microseconds, what the store keeps.
 * A refusal is audited, but a flood is exactly when refusals come by the thousand: each bucket gets at most one
 * {@code rate_limited} event per quota window on this instance, so a flood costs no audit write per request.
 */
public final class AdmitAttemptService implements AdmitAttempt {

    /**
     * Buckets whose last refusal is remembered. Past this many the oldest is forgotten, which can only let one more
     * event through for it: the memory stays bounded however many networks or mailboxes a flood uses.
     */
    static final int REMEMBERED_REFUSALS = 10_000;

    private final RateLimiter limiter;
    private final RateLimits limits;
    private final Clock clock;
    private final AuditTrail audit;
    /** When each recently refused bucket (by its hashed key) was last audited, oldest first. Guarded by itself. */
    private final Map<BucketKey, Instant> lastAudited = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<BucketKey, Instant> eldest) {
            return size() > REMEMBERED_REFUSALS;
        }
    };

    public AdmitAttemptService(RateLimiter limiter, RateLimits limits, Clock clock, AuditTrail audit) {
        this.limiter = limiter;
        this.limits = limits;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public Optional<Admission> admit(Attempt attempt) {
        if (!limits.enabled()) {
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        BucketKey key = BucketKey.of(attempt.bucket(), attempt.subject());
        Admission admission = limiter.acquire(key, limits.quota(attempt.bucket()), now);
        if (!admission.allowed() && firstRefusalInWindow(key, admission, now)) {
            audit.record(SecurityEvent.rateLimited(attempt.bucket(), now, attempt.client()));
        }
        return Optional.of(admission);
    }

    /** Whether no refusal of this bucket was audited within the last quota window; if so, remembers this one. */
    private boolean firstRefusalInWindow(BucketKey key, Admission refusal, Instant now) {
        synchronized (lastAudited) {
            Instant last = lastAudited.get(key);
            if (last != null && now.isBefore(last.plus(refusal.quota().window()))) {
                return false;
            }
            // removed first, so the re-inserted entry counts as the newest for the eviction order
            lastAudited.remove(key);
            lastAudited.put(key, now);
            return true;
        }
    }
}
