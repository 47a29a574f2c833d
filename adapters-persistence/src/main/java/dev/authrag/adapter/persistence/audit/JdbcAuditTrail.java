package dev.authrag.adapter.persistence.audit;

import dev.authrag.application.audit.AuditTrail;
import dev.authrag.domain.audit.SecurityEvent;
import dev.authrag.domain.user.UserId;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;

/** {@link AuditTrail} on PostgreSQL: inserts and reads {@code audit_events}, and deletes only for the retention purge. */
@Singleton
public class JdbcAuditTrail implements AuditTrail {

    private final AuditEventRepository repository;

    JdbcAuditTrail(AuditEventRepository repository) {
        this.repository = repository;
    }

    @Override
    public void record(SecurityEvent event) {
        AuditEventRow row = AuditEventRow.from(event);
        repository.insert(row.id(), row.occurredAt(), row.type(), row.outcome(), row.reason(), row.userId(),
                row.sessionId(), row.ip(), row.userAgent(), row.requestId());
    }

    @Override
    public List<SecurityEvent> newestFirst(UserId owner, Position after, int limit) {
        List<AuditEventRow> rows = after == null
                ? repository.newestFirst(owner.value(), limit)
                : repository.newestFirstAfter(owner.value(), after.occurredAt(), after.id(), limit);
        return rows.stream().map(AuditEventRow::toDomain).toList();
    }

    @Override
    public int forgetBefore(Instant cutoff, int batch) {
        return repository.deleteBefore(cutoff, batch);
    }
}
