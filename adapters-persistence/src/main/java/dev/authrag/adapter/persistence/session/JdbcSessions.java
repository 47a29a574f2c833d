package dev.authrag.adapter.persistence.session;

import dev.authrag.application.auth.Sessions;
import dev.authrag.domain.session.RevokeReason;
import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.SessionLimit;
import dev.authrag.domain.session.TokenHash;
import dev.authrag.domain.user.UserId;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link Sessions} on PostgreSQL; the session limit is enforced under a lock on the owner's row. */
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
    public List<SessionId> revokedWithin(Duration lookBack) {
        return ids(repository.findIdsRevokedWithin(lookBack.toNanos() / 1e9));
    }

    @Override
    public List<Session> activeOf(UserId user, Instant now) {
        return repository.findActiveOf(user.value(), now).stream().map(SessionRow::toDomain).toList();
    }

    /** One transaction: lock the owner, insert, revoke beyond the limit; the lock holds until commit. */
    @Override
    @Transactional
    public List<SessionId> addWithinLimit(Session session, SessionLimit limit) {
        repository.lockOwner(session.userId().value());
        add(session);
        return ids(repository.revokeActiveOthers(session.userId().value(), session.id().value(), session.createdAt(),
                RevokeReason.SESSION_LIMIT.name(), limit.maxActive() - 1));
    }

    /**
     * Under the owner's lock as well: every bulk revocation of one user's sessions then runs one at a time, so two of
     * them can never lock the same rows in different orders and deadlock.
     */
    @Override
    @Transactional
    public List<SessionId> revokeOthers(UserId user, SessionId keep, Instant now, RevokeReason reason) {
        repository.lockOwner(user.value());
        return ids(repository.revokeActiveOthers(user.value(), keep.value(), now, reason.name(), 0));
    }

    @Override
    public int deleteEndedBefore(Instant cutoff, int batchSize) {
        return repository.deleteEndedBefore(cutoff, batchSize);
    }

    private static List<SessionId> ids(List<UUID> uuids) {
        return uuids.stream().map(SessionId::new).toList();
    }
}
