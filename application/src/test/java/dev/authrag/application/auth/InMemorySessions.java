package dev.authrag.application.auth;

import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.TokenHash;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Test fake of {@link Sessions}: a synchronised map. Writes touch only the columns the real adapter's
 * UPDATEs touch, so a late {@code recordUse} cannot undo a revocation here either.
 */
public final class InMemorySessions implements Sessions {

    private final Map<SessionId, Session> byId = new LinkedHashMap<>();
    private int recordedUses;

    @Override
    public synchronized void add(Session session) {
        if (byId.containsKey(session.id()) || findByTokenHash(session.tokenHash()).isPresent()) {
            throw new IllegalStateException("session id or token hash already stored: " + session.id());
        }
        byId.put(session.id(), session);
    }

    @Override
    public synchronized Optional<Session> findByTokenHash(TokenHash tokenHash) {
        return byId.values().stream().filter(session -> session.tokenHash().equals(tokenHash)).findFirst();
    }

    @Override
    public synchronized Optional<Session> findById(SessionId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized void recordUse(Session touched) {
        recordedUses++;
        Session stored = byId.get(touched.id());
        if (stored == null || stored.revokedAt().isPresent()) {
            return;
        }
        byId.put(stored.id(), Session.restore(stored.id(), stored.userId(), stored.tokenHash(), stored.createdAt(),
                touched.lastUsedAt(), touched.idleExpiresAt(), stored.absoluteExpiresAt(), null, null, stored.client()));
    }

    @Override
    public synchronized boolean revoke(Session revoked) {
        if (revoked.revokedAt().isEmpty() || revoked.revokeReason().isEmpty()) {
            throw new IllegalArgumentException("not a revoked session: " + revoked.id());
        }
        Session stored = byId.get(revoked.id());
        if (stored == null || stored.revokedAt().isPresent()) {
            return false;
        }
        byId.put(stored.id(), Session.restore(stored.id(), stored.userId(), stored.tokenHash(), stored.createdAt(),
                stored.lastUsedAt(), stored.idleExpiresAt(), stored.absoluteExpiresAt(),
                revoked.revokedAt().get(), revoked.revokeReason().get(), stored.client()));
        return true;
    }

    @Override
    public synchronized java.util.List<SessionId> revokedSince(java.time.Instant since) {
        return byId.values().stream()
                .filter(session -> session.revokedAt().filter(at -> !at.isBefore(since)).isPresent())
                .map(Session::id)
                .toList();
    }

    public synchronized int size() {
        return byId.size();
    }

    /** How often {@link #recordUse} was called, to check that unchanged sessions are not written. */
    public synchronized int recordedUses() {
        return recordedUses;
    }
}
