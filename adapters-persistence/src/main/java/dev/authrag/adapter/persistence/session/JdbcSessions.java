package dev.authrag.adapter.persistence.session;

import dev.authrag.application.auth.Sessions;
import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.TokenHash;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link Sessions} on PostgreSQL. */
@Singleton
public class JdbcSessions implements Sessions {

    private final SessionRepository repository;

    JdbcSessions(SessionRepository repository) {
        this.repository = repository;
    }

    @Override
    public void add(Session session) {
        SessionRow row = SessionRow.from(session);
        repository.insert(row.id(), row.userId(), row.tokenHash(), row.createdAt(), row.lastUsedAt(),
                row.idleExpiresAt(), row.absoluteExpiresAt(), row.revokedAt(), row.revokeReason(),
                row.ipAddress(), row.userAgent());
    }

    @Override
    public Optional<Session> findByTokenHash(TokenHash tokenHash) {
        return repository.findByTokenHash(tokenHash.hex()).map(SessionRow::toDomain);
    }

    @Override
    public Optional<Session> findById(SessionId id) {
        return repository.findById(id.value()).map(SessionRow::toDomain);
    }

    @Override
    public void recordUse(Session touched) {
        repository.recordUse(touched.id().value(), touched.lastUsedAt(), touched.idleExpiresAt());
    }

    @Override
    public boolean revoke(Session revoked) {
        return repository.revoke(revoked.id().value(), revoked.revokedAt().orElseThrow(),
                revoked.revokeReason().orElseThrow().name()) == 1;
    }

    @Override
    public List<SessionId> revokedSince(Instant since) {
        return repository.findIdByRevokedAtGreaterThanEquals(since).stream().map(SessionId::new).toList();
    }
}
