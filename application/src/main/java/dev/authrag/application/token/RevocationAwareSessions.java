package dev.authrag.application.token;

import dev.authrag.application.auth.Sessions;
import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.TokenHash;

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
}
