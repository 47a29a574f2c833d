package dev.authrag.application.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Deletes events older than the retention period in batches, so that a large backlog (the first purge after a
 * long outage) never holds one huge delete's locks and log volume.
 */
public final class PurgeSecurityEventsService implements PurgeSecurityEvents {

    private final AuditTrail trail;
    private final Duration retention;
    private final Clock clock;
    private final int batchSize;

    public PurgeSecurityEventsService(AuditTrail trail, Duration retention, Clock clock, int batchSize) {
        this.trail = trail;
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = clock;
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("the retention period must be positive");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be positive");
        }
        this.batchSize = batchSize;
    }

    @Override
    public int purge() {
        Instant cutoff = clock.instant().minus(retention);
        int total = 0;
        int deleted;
        do {
            deleted = trail.forgetBefore(cutoff, batchSize);
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }
}
