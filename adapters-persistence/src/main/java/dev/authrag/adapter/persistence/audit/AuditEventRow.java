package dev.authrag.adapter.persistence.audit;

import dev.authrag.domain.audit.SecurityEvent;
import dev.authrag.domain.audit.SecurityEvent.Type;
import dev.authrag.domain.session.ClientInfo;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.user.UserId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code audit_events}; {@code ip} is an inet column read back as text. */
@MappedEntity("audit_events")
public record AuditEventRow(@Id UUID id,
                            Instant occurredAt,
                            String type,
                            String outcome,
                            @Nullable String reason,
                            @Nullable UUID userId,
                            @Nullable UUID sessionId,
                            @Nullable String ip,
                            @Nullable String userAgent,
                            @Nullable String requestId) {

    static AuditEventRow from(SecurityEvent event) {
        return new AuditEventRow(event.id(), event.occurredAt(), event.type().code(), event.outcome().code(),
                event.reason(), event.userId() == null ? null : event.userId().value(),
                event.sessionId() == null ? null : event.sessionId().value(),
                event.client().ipAddress(), event.client().userAgent(), event.requestId());
    }

    SecurityEvent toDomain() {
        Type known = Type.fromCode(type)
                .orElseThrow(() -> new IllegalStateException("audit_events row " + id + " has an unknown type: " + type));
        return new SecurityEvent(id, occurredAt, known, reason, userId == null ? null : new UserId(userId),
                sessionId == null ? null : new SessionId(sessionId), new ClientInfo(ip, userAgent), requestId);
    }
}
