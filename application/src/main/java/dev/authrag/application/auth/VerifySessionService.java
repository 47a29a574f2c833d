package dev.authrag.application.auth;

import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.SessionPolicy;
import dev.authrag.domain.session.SessionToken;
import dev.authrag.domain.session.TokenHash;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves a token to its active session and user, and slides the idle expiry on use. Sessions it has resolved
 * are remembered, so a repeated credential is answered from memory: whether the session is still active comes
 * from {@link ActiveSessions}, which sees revocations made here at once and those of other instances within a
 * refresh; anything it cannot vouch for, and every sliding-expiry write, goes to storage.
 */
public final class VerifySessionService implements VerifySession {

    private final Users users;
    private final Sessions sessions;
    private final SessionPolicy policy;
    private final Clock clock;
    private final ActiveSessions activeSessions;
    private final int capacity;
    private final Map<TokenHash, CurrentSession> byToken = new ConcurrentHashMap<>();
    private final Map<SessionId, CurrentSession> byId = new ConcurrentHashMap<>();

    /** @param capacity sessions remembered at most; beyond it memory starts again empty */
    public VerifySessionService(Users users, Sessions sessions, SessionPolicy policy, Clock clock,
                                ActiveSessions activeSessions, int capacity) {
        this.users = users;
        this.sessions = sessions;
        this.policy = policy;
        this.clock = clock;
        this.activeSessions = activeSessions;
        this.capacity = capacity;
    }

    @Override
    public Optional<CurrentSession> verify(SessionToken token) {
        Instant now = clock.instant();
        TokenHash hash = token.hash();
        Optional<Session> active = sessions.findByTokenHash(hash).filter(session -> session.isActiveAt(now));
        if (active.isEmpty()) {
            byToken.remove(hash);
            return Optional.empty();
        }
        Session session = active.get();
        Optional<Session> touched = session.touch(now, policy);
        touched.ifPresent(sessions::recordUse);
        Session current = touched.orElse(session);
        Optional<CurrentSession> resolved = users.findById(current.userId()).map(user -> new CurrentSession(user, current));
        resolved.ifPresent(found -> remember(hash, found));
        return resolved;
    }

    @Override
    public Optional<CurrentSession> current(SessionId id) {
        Instant now = clock.instant();
        Optional<CurrentSession> resolved = sessions.findById(id)
                .filter(session -> session.isActiveAt(now))
                .flatMap(session -> users.findById(session.userId()).map(user -> new CurrentSession(user, session)));
        resolved.ifPresentOrElse(found -> remember(null, found), () -> byId.remove(id));
        return resolved;
    }

    @Override
    public Optional<CurrentSession> verifyFromMemory(SessionToken token) {
        return usable(byToken.get(token.hash()));
    }

    @Override
    public Optional<CurrentSession> currentFromMemory(SessionId id) {
        return usable(byId.get(id));
    }

    private Optional<CurrentSession> usable(CurrentSession remembered) {
        if (remembered == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session session = remembered.session();
        boolean usable = session.isActiveAt(now)
                && session.touch(now, policy).isEmpty()
                && activeSessions.knownActive(session.id(), session.userId(), now);
        return usable ? Optional.of(remembered) : Optional.empty();
    }

    private void remember(TokenHash hash, CurrentSession found) {
        if (byId.size() >= capacity || byToken.size() >= capacity) {
            byId.clear();
            byToken.clear();
        }
        activeSessions.remember(found.session());
        byId.put(found.session().id(), found);
        if (hash != null) {
            byToken.put(hash, found);
        }
    }
}
