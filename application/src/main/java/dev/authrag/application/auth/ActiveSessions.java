package dev.authrag.application.auth;

import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.user.UserId;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This instance's view of which sessions are alive, so an access token is checked without a database query
 * on every request. A session is loaded on first sight; revocations made here are applied at once
 * ({@link #revoked}); revocations made by other instances arrive through {@link #refresh}, which a scheduled
 * job calls every second or so, re-reading a look-back window so late commits are not missed.
 */
public final class ActiveSessions {

    private record Entry(UserId user, Instant expiresAt, boolean revoked) {
    }

    private final Sessions sessions;
    private final Duration lookBack;
    private final int capacity;
    private final Map<SessionId, Entry> entries = new ConcurrentHashMap<>();

    /**
     * @param lookBack how far back each refresh re-reads revocations (covers commit delays and clock differences)
     * @param capacity sessions remembered at most; beyond it the cache starts again empty and reloads on demand
     */
    public ActiveSessions(Sessions sessions, Duration lookBack, int capacity) {
        this.sessions = sessions;
        this.lookBack = lookBack;
        this.capacity = capacity;
    }

    /** True when the session exists, belongs to the user, is not revoked and has not expired. May query storage. */
    public boolean isActive(SessionId id, UserId user, Instant now) {
        Entry entry = entries.get(id);
        if (entry == null || (!entry.revoked() && !now.isBefore(entry.expiresAt()))) {
            // unknown here, or expired as far as we know: the idle expiry may have slid on another instance
            entry = load(id).orElse(null);
        }
        return entry != null && !entry.revoked() && entry.user().equals(user) && now.isBefore(entry.expiresAt());
    }

    /**
     * Answers from memory only, never touching storage: true when this instance knows the session to be active
     * now. False means "not known here" as much as "not active": ask {@link #isActive} then.
     */
    public boolean knownActive(SessionId id, UserId user, Instant now) {
        Entry entry = entries.get(id);
        return entry != null && !entry.revoked() && entry.user().equals(user) && now.isBefore(entry.expiresAt());
    }

    /** Seeds this view with a session just read or updated in storage, sparing a second read. */
    public void remember(Session session) {
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(session.id(), new Entry(session.userId(), session.expiresAt(), session.revokedAt().isPresent()));
    }

    /** A revocation this instance made: effective immediately here. */
    public void revoked(SessionId id) {
        entries.computeIfPresent(id, (key, entry) -> new Entry(entry.user(), entry.expiresAt(), true));
    }

    /** Applies revocations recorded in storage since {@code now - lookBack}, by any instance. */
    public void refresh(Instant now) {
        for (SessionId id : sessions.revokedSince(now.minus(lookBack))) {
            revoked(id);
        }
    }

    /** How many sessions are cached (for metrics and tests). */
    public int size() {
        return entries.size();
    }

    private Optional<Entry> load(SessionId id) {
        Optional<Session> found = sessions.findById(id);
        found.ifPresentOrElse(session -> {
            if (entries.size() >= capacity) {
                entries.clear();
            }
            entries.put(id, new Entry(session.userId(), session.expiresAt(), session.revokedAt().isPresent()));
        }, () -> entries.remove(id));
        return found.map(session -> new Entry(session.userId(), session.expiresAt(), session.revokedAt().isPresent()));
    }
}
