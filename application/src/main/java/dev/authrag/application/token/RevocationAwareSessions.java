package dev.authrag.application.token;

import dev.authrag.application.auth.ActiveSessions;
import dev.authrag.application.auth.Sessions;
import dev.authrag.domain.session.RevokeReason;
import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.SessionLimit;
import dev.authrag.domain.session.TokenHash;
import dev.authrag.domain.user.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link Sessions} that tells this instance's {@link ActiveSessions} about every revocation it stores, so an
 * access token of a revoked session is refused here at once (other instances learn within a refresh).
 */
public final class RevocationAwareSessions implements Sessions {

    private final Sessions stored;
    private final ActiveSessions activeSessions;

    public RevocationAwareSessions(Sessions stored, ActiveSessions activeSessions) {
        this.stored = stored;
        this.activeSessions = activeSessions;
    }

    @Override
    public void add(Session session) {
        stored.add(session);
    }

    @Override
    public Optional<Session> findByTokenHash(TokenHash tokenHash) {
        return stored.findByTokenHash(tokenHash);
    }

    @Override
    public Optional<Session> findById(SessionId id) {
        return stored.findById(id);
    }

    @Override
    public void recordUse(Session touched) {
        stored.recordUse(touched);
    }

    @Override
    public boolean revoke(Session revoked) {
        boolean changed = stored.revoke(revoked);
        activeSessions.revoked(revoked.id());
        return changed;
    }

    @Override
    public List<SessionId> revokedSince(Instant since) {
        return stored.revokedSince(since);
    }

    @Override
    public List<Session> activeOf(UserId user, Instant now) {
        return stored.activeOf(user, now);
    }

    @Override
    public List<SessionId> addWithinLimit(Session session, SessionLimit limit) {
        return told(stored.addWithinLimit(session, limit));
    }

    @Override
    public List<SessionId> revokeOthers(UserId user, SessionId keep, Instant now, RevokeReason reason) {
        return told(stored.revokeOthers(user, keep, now, reason));
    }

    @Override
    public int deleteEndedBefore(Instant cutoff, int batchSize) {
        return stored.deleteEndedBefore(cutoff, batchSize);
    }

    private List<SessionId> told(List<SessionId> revoked) {
        revoked.forEach(activeSessions::revoked);
        return revoked;
    }
}
