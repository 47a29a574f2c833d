package dev.authrag.application.audit;

import dev.authrag.domain.audit.SecurityEvent;
import dev.authrag.domain.user.UserId;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Driven port: the append-only record of security events, read back by their owner and forgotten after the retention period. */
public interface AuditTrail {

    void record(SecurityEvent event);

    /** The owner's events that come after {@code after} (from the newest when null), newest first, at most {@code limit}. */
    List<SecurityEvent> newestFirst(UserId owner, Position after, int limit);

    /** Deletes at most {@code batch} events that occurred before {@code cutoff}; returns how many it deleted. */
    int forgetBefore(Instant cutoff, int batch);

    /**
     * A place in an owner's list: newest first means by occurrence time, then by id (compared as unsigned
     * bytes, as PostgreSQL orders uuids), both descending. Keyset pagination resumes strictly after it.
     */
    record Position(Instant occurredAt, UUID id) {

        /** The list's order, newest first. */
        public static final Comparator<Position> NEWEST_FIRST = Comparator.comparing(Position::occurredAt)
                .thenComparing(Position::id, (a, b) -> {
                    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
                    return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
                })
                .reversed();

        public Position {
            Objects.requireNonNull(occurredAt, "occurred at");
            Objects.requireNonNull(id, "event id");
        }

        public static Position of(SecurityEvent event) {
            return new Position(event.occurredAt(), event.id());
        }
    }
}
