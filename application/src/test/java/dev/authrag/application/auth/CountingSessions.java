package dev.authrag.application.auth;

import dev.authrag.domain.session.RevokeReason;
import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.SessionLimit;
import dev.authrag.domain.session.TokenHash;
import dev.authrag.domain.user.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Test fake: {@link Sessions} that counts lookups by id, to tell a cache hit from a storage read. */
public class CountingSessions implements Sessions {

    private final Sessions stored;
    private int findsById;
    private int findsByTokenHash;

    CountingSessions(Sessions stored) {
        this.stored = stored;
    }

    int findsById() {
        return findsById;
    }

    int findsByTokenHash() {
        return findsByTokenHash;
    }

    @Override
    public void add(Session session) {
        stored.add(session);
    }

    @Override
    public Optional<Session> findByTokenHash(TokenHash tokenHash) {
        findsByTokenHash++;
        return stored.findByTokenHash(tokenHash);
    }

    @Override
    public Optional<Session> findById(SessionId id) {
        findsById++;
        return stored.findById(id);
    }

    @Override
    public void recordUse(Session touched) {
        stored.recordUse(touched);
    }

    @Override
    public boolean revoke(Session revoked) {
        return stored.revoke(revoked);
    }

    @Override
    public List<SessionId> revokedWithin(java.time.Duration lookBack) {
        return stored.revokedWithin(lookBack);
    }

    @Override
    public List<Session> activeOf(UserId user, Instant now) {
        return stored.activeOf(user, now);
    }

    @Override
    public List<SessionId> addWithinLimit(Session session, SessionLimit limit) {
        return stored.addWithinLimit(session, limit);
    }

    @Override
    public List<SessionId> revokeOthers(UserId user, SessionId keep, Instant now, RevokeReason reason) {
        return stored.revokeOthers(user, keep, now, reason);
    }

    @Override
    public int deleteEndedBefore(Instant cutoff, int batchSize) {
        return stored.deleteEndedBefore(cutoff, batchSize);
    }
}
