package dev.authrag.application.auth;

import dev.authrag.domain.session.RevokeReason;
import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.SessionLimit;
import dev.authrag.domain.session.TokenHash;
import dev.authrag.domain.user.UserId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test fake of {@link Sessions}: a synchronised map. Writes touch only the columns the real adapter's
 * UPDATEs touch, so a late {@code recordUse} cannot undo a revocation here either.
 */
public final class InMemorySessions implements Sessions {

    /** Newest first; equal start times ordered by id as PostgreSQL orders uuids (byte-wise, like their hex text). */
    private static final Comparator<Session> NEWEST_FIRST = Comparator.comparing(Session::createdAt)
            .thenComparing(session -> session.id().value().toString()).reversed();

    private final Map<SessionId, Session> byId = new LinkedHashMap<>();
    private final Map<SessionId, Instant> recordedRevocations = new LinkedHashMap<>();
    private final java.time.Clock storeClock;
    private int recordedUses;

    public InMemorySessions() {
        this(java.time.Clock.systemUTC());
    }

    /** @param storeClock the store's own clock, on which {@link #revokedWithin} measures (the database's, for real) */
    public InMemorySessions(java.time.Clock storeClock) {
        this.storeClock = storeClock;
    }

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
        recordedRevocations.put(stored.id(), storeClock.instant());
        return true;
    }

    /** Measured on this store's own clock, as the real store measures on the database's. */
    @Override
    public synchronized List<SessionId> revokedWithin(java.time.Duration lookBack) {
        Instant since = storeClock.instant().minus(lookBack);
        return recordedRevocations.entrySet().stream()
                .filter(entry -> !entry.getValue().isBefore(since))
                .map(Map.Entry::getKey)
                .toList();
    }

    @Override
    public synchronized List<Session> activeOf(UserId user, Instant now) {
        return byId.values().stream()
                .filter(session -> session.isOwnedBy(user) && session.isActiveAt(now))
                .sorted(NEWEST_FIRST)
                .toList();
    }

    @Override
    public synchronized List<SessionId> addWithinLimit(Session session, SessionLimit limit) {
        add(session);
        Instant now = session.createdAt();
        List<Session> others = activeOf(session.userId(), now).stream()
                .filter(other -> !other.id().equals(session.id()))
                .toList();
        return revokeAll(others.subList(Math.min(others.size(), limit.maxActive() - 1), others.size()),
                now, RevokeReason.SESSION_LIMIT);
    }

    @Override
    public synchronized List<SessionId> revokeOthers(UserId user, SessionId keep, Instant now, RevokeReason reason) {
        return revokeAll(activeOf(user, now).stream().filter(session -> !session.id().equals(keep)).toList(), now, reason);
    }

    @Override
    public synchronized int deleteEndedBefore(Instant cutoff, int batchSize) {
        int deleted = 0;
        for (Iterator<Session> it = byId.values().iterator(); it.hasNext() && deleted < batchSize; ) {
            if (it.next().hasEndedBefore(cutoff)) {
                it.remove();
                deleted++;
            }
        }
        return deleted;
    }

    private List<SessionId> revokeAll(List<Session> sessions, Instant now, RevokeReason reason) {
        List<SessionId> revoked = new ArrayList<>();
        for (Session session : sessions) {
            if (revoke(session.revoke(now, reason))) {
                revoked.add(session.id());
            }
        }
        return revoked;
    }

    public synchronized int size() {
        return byId.size();
    }

    /** How often {@link #recordUse} was called, to check that unchanged sessions are not written. */
    public synchronized int recordedUses() {
        return recordedUses;
    }
}
