package dev.authrag.application.audit;

import dev.authrag.domain.audit.SecurityEvent;
import dev.authrag.domain.audit.SecurityEvent.Type;
import dev.authrag.domain.user.UserId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Test fake of {@link AuditTrail}: a synchronised list in recording order, ordered on reading the way the real
 * adapter's index orders rows (time, then id as unsigned bytes, newest first).
 */
public final class InMemoryAuditTrail implements AuditTrail {

    private static final Comparator<SecurityEvent> NEWEST_FIRST = Comparator.comparing(Position::of, Position.NEWEST_FIRST);

    private final List<SecurityEvent> events = new ArrayList<>();

    @Override
    public synchronized void record(SecurityEvent event) {
        if (events.stream().anyMatch(stored -> stored.id().equals(event.id()))) {
            throw new IllegalStateException("event id already recorded: " + event.id());
        }
        events.add(event);
    }

    @Override
    public synchronized List<SecurityEvent> newestFirst(UserId owner, Position after, int limit) {
        return events.stream()
                .filter(event -> owner.equals(event.userId()))
                .filter(event -> after == null || Position.NEWEST_FIRST.compare(Position.of(event), after) > 0)
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized int forgetBefore(Instant cutoff, int batch) {
        int deleted = 0;
        for (Iterator<SecurityEvent> it = events.iterator(); it.hasNext() && deleted < batch; ) {
            if (it.next().occurredAt().isBefore(cutoff)) {
                it.remove();
                deleted++;
            }
        }
        return deleted;
    }

    /** Every recorded event, oldest first. */
    public synchronized List<SecurityEvent> all() {
        return List.copyOf(events);
    }

    /** The recorded events of one type, oldest first. */
    public synchronized List<SecurityEvent> ofType(Type type) {
        return events.stream().filter(event -> event.type() == type).toList();
    }

    /** The only recorded event; fails when there is none or more than one. */
    public synchronized SecurityEvent single() {
        if (events.size() != 1) {
            throw new AssertionError("expected exactly one event, got " + events.stream().map(e -> e.type().code()).toList());
        }
        return Objects.requireNonNull(events.get(0));
    }
}
