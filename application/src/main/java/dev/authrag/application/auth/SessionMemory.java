package dev.authrag.application.auth;

import dev.authrag.application.auth.VerifySession.CurrentSession;
import dev.authrag.application.auth.VerifySession.Recalled;
import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.SessionPolicy;
import dev.authrag.domain.session.TokenHash;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This instance's one memory of sessions, so that most credentials, accepted or refused, are answered without
 * storage. It holds, each bounded (least recently used dropped first):
 * <ul>
 * <li>sessions by id: the resolved session and user, or a mark that the session ended (revoked);</li>
 * <li>token hashes: which session a token opens, or that storage knows no active session for it, for
 * {@code refusalTtl}.</li>
 * </ul>
 * Ending a session goes through {@link SessionEnding}, which calls {@link #ended}; revocations by other instances
 * arrive through {@link #refresh}, which re-reads a look-back window measured on the database's clock.
 * <p>
 * A fill ({@link #remember}) carries the {@link #generation()} read before its storage lookup; it is dropped when
 * any session ended since, so a lookup that read a session just before it was revoked cannot bring it back. An
 * unknown token is remembered as refused only when no session started here since the lookup began.
 */
public final class SessionMemory {

    /** A session as remembered: resolved (current present), or ended. */
    private record Entry(CurrentSession current, boolean ended, Instant until) {
    }

    /** A token hash as remembered: the session it opens, or (session null) refused until {@code until}. */
    private record TokenEntry(SessionId session, Instant until) {
    }

    private final Sessions sessions;
    private final SessionPolicy policy;
    private final Duration lookBack;
    private final Duration refusalTtl;
    private final BoundedMap<SessionId, Entry> byId;
    private final BoundedMap<TokenHash, TokenEntry> byToken;
    private final AtomicLong endings = new AtomicLong();
    private final AtomicLong starts = new AtomicLong();

    /**
     * @param lookBack   how far back each {@link #refresh} re-reads revocations, on the database's clock (covers
     *                   commits that land late)
     * @param refusalTtl how long a refused token (unknown, expired, or its session ended) and an ended session
     *                   are remembered
     * @param capacity   sessions, and token hashes, remembered at most (each)
     */
    public SessionMemory(Sessions sessions, SessionPolicy policy, Duration lookBack, Duration refusalTtl, int capacity) {
        this.sessions = sessions;
        this.policy = policy;
        this.lookBack = lookBack;
        this.refusalTtl = refusalTtl;
        this.byId = new BoundedMap<>(capacity);
        this.byToken = new BoundedMap<>(capacity);
    }

    /** Read before a storage lookup whose result is then {@link #remember remembered}. */
    public long generation() {
        return endings.get();
    }

    /** Read before a storage lookup that may find a token unknown ({@link #refused}). */
    public long starts() {
        return starts.get();
    }

    /**
     * What memory says about a presented token: accepted only for a session known active now and not due for its
     * sliding-expiry write; refused for a token remembered as refused or a session remembered as ended.
     */
    public Recalled recall(TokenHash hash, Instant now) {
        TokenEntry token = byToken.get(hash);
        if (token == null) {
            return Recalled.UNKNOWN;
        }
        if (token.session() == null) {
            return now.isBefore(token.until()) ? Recalled.REFUSED : Recalled.UNKNOWN;
        }
        return recall(token.session(), now);
    }

    /** {@link #recall(TokenHash, Instant)} for a session named by id (an access token's). */
    public Recalled recall(SessionId id, Instant now) {
        Entry entry = byId.get(id);
        if (entry == null) {
            return Recalled.UNKNOWN;
        }
        if (entry.ended()) {
            return now.isBefore(entry.until()) ? Recalled.REFUSED : Recalled.UNKNOWN;
        }
        Session session = entry.current().session();
        if (session.isActiveAt(now) && session.touch(now, policy).isEmpty()) {
            return Recalled.accepted(entry.current());
        }
        // expired as far as we know (its idle expiry may have slid on another instance), or due for its write
        return Recalled.UNKNOWN;
    }

    /** True when this instance knows the session ended: refused without asking storage. */
    public boolean knownEnded(SessionId id, Instant now) {
        Entry entry = byId.get(id);
        return entry != null && entry.ended() && now.isBefore(entry.until());
    }

    /**
     * Remembers a session storage found active, unless a session ended since {@code generation} was read (then the
     * lookup may predate the revocation) or this one is remembered as ended.
     */
    public void remember(TokenHash hash, CurrentSession found, long generation) {
        SessionId id = found.session().id();
        Entry stored = byId.compute(id, (key, existing) -> {
            if (endings.get() != generation || (existing != null && existing.ended())) {
                return existing;
            }
            return new Entry(found, false, null);
        });
        if (hash != null && stored != null && !stored.ended()) {
            byToken.put(hash, new TokenEntry(id, null));
        }
    }

    /**
     * Remembers a token storage refused: a session that ended (revoked) is remembered as ended; an unknown token,
     * or one whose session expired, as refused for {@code refusalTtl}, unless a session started here since
     * {@code starts} was read.
     */
    public void refused(TokenHash hash, Optional<Session> found, long startsAtLookup, Instant now) {
        Instant until = now.plus(refusalTtl);
        if (found.isPresent() && found.get().revokedAt().isPresent()) {
            ended(found.get().id(), now);
            byToken.put(hash, new TokenEntry(found.get().id(), null));
            return;
        }
        byToken.compute(hash, (key, existing) -> starts.get() != startsAtLookup ? existing : new TokenEntry(null, until));
    }

    /** A session storage refused by id (an access token's): remembered as ended when it was revoked. */
    public void refused(SessionId id, Optional<Session> found, Instant now) {
        if (found.isPresent() && found.get().revokedAt().isPresent()) {
            ended(id, now);
        }
    }

    /** A session started on this instance: its token is no longer remembered as refused. */
    public void started(Session session) {
        starts.incrementAndGet();
        byToken.remove(session.tokenHash());
    }

    /** A session that ended (by {@link SessionEnding}, or by another instance): refused from now on. */
    public void ended(SessionId id, Instant now) {
        endings.incrementAndGet();
        Instant until = now.plus(refusalTtl);
        byId.compute(id, (key, existing) -> new Entry(null, true, until));
    }

    /** Marks as ended the remembered sessions that any instance revoked within the look-back window. */
    public void refresh(Instant now) {
        List<SessionId> revoked = sessions.revokedWithin(lookBack);
        for (SessionId id : revoked) {
            Entry entry = byId.get(id);
            if (entry != null && !entry.ended()) {
                ended(id, now);
            }
        }
    }

    /** Entries held (sessions, token hashes), for metrics and tests. */
    public int size() {
        return byId.size() + byToken.size();
    }

    /** The most entries held: {@code capacity} sessions and as many token hashes. */
    public int capacity() {
        return byId.capacity() + byToken.capacity();
    }
}
