package dev.authrag.application.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Deletes sessions that expired or were revoked more than the retention ago, in batches, so one run never holds
 * long locks or a huge transaction however much has piled up.
 */
public final class PurgeEndedSessionsService implements PurgeEndedSessions {

    private final Sessions sessions;
    private final Duration retention;
    private final int batchSize;
    private final Clock clock;

    public PurgeEndedSessionsService(Sessions sessions, Duration retention, int batchSize, Clock clock) {
        if (retention.isNegative() || batchSize < 1) {
            throw new IllegalArgumentException("the retention must not be negative and the batch size must be positive");
        }
        this.sessions = sessions;
        this.retention = Objects.requireNonNull(retention);
        this.batchSize = batchSize;
        this.clock = clock;
    }

    @Override
    public int purge() {
        Instant cutoff = clock.instant().minus(retention);
        int total = 0;
        int deleted;
        do {
            deleted = sessions.deleteEndedBefore(cutoff, batchSize);
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }
}
