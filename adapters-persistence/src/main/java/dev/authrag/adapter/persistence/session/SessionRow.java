package dev.authrag.adapter.persistence.session;

import dev.authrag.domain.session.ClientInfo;
import dev.authrag.domain.session.RevokeReason;
import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.TokenHash;
import dev.authrag.domain.user.UserId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code sessions}; {@code ip_address} is an inet column read back as text. */
@MappedEntity("sessions")
public record SessionRow(@Id UUID id,
                         UUID userId,
                         String tokenHash,
                         Instant createdAt,
                         Instant lastUsedAt,
                         Instant idleExpiresAt,
                         Instant absoluteExpiresAt,
                         @Nullable Instant revokedAt,
                         @Nullable String revokeReason,
                         @Nullable String ipAddress,
                         @Nullable String userAgent) {

    static SessionRow from(Session session) {
        return new SessionRow(session.id().value(), session.userId().value(), session.tokenHash().hex(),
                session.createdAt(), session.lastUsedAt(), session.idleExpiresAt(), session.absoluteExpiresAt(),
                session.revokedAt().orElse(null), session.revokeReason().map(Enum::name).orElse(null),
                session.client().ipAddress(), session.client().userAgent());
    }

    Session toDomain() {
        return Session.restore(new SessionId(id), new UserId(userId), new TokenHash(tokenHash), createdAt,
                lastUsedAt, idleExpiresAt, absoluteExpiresAt, revokedAt,
                revokeReason == null ? null : RevokeReason.valueOf(revokeReason),
                new ClientInfo(ipAddress, userAgent));
    }

    @Override
    public String toString() {
        return "SessionRow[id=" + id + "]";
    }
}
