package dev.authrag.application.auth;

import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.SessionPolicy;
import dev.authrag.domain.session.SessionToken;
import dev.authrag.domain.session.TokenHash;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Resolves a token to its active session and user, and slides the idle expiry on use. {@link SessionMemory} answers
 * what it can, accepting or refusing: a revoked session, or a token storage did not know, is refused from memory after
 * the first lookup, so a flood of bad tokens does not reach storage. Anything memory cannot vouch for, and every
 * sliding-expiry write, goes to storage.
 */
public final class VerifySessionService implements VerifySession {

    private final Users users;
    private final Sessions sessions;
    private final SessionPolicy policy;
    private final Clock clock;
    private final SessionMemory memory;

    public VerifySessionService(Users users, Sessions sessions, SessionPolicy policy, Clock clock, SessionMemory memory) {
        this.users = users;
        this.sessions = sessions;
        this.policy = policy;
        this.clock = clock;
        this.memory = memory;
    }

    @Override
    public Optional<CurrentSession> verify(SessionToken token) {
        Instant now = clock.instant();
        TokenHash hash = token.hash();
        Recalled recalled = memory.recall(hash, now);
        if (recalled.known()) {
            return recalled.accepted();
        }
        long generation = memory.generation();
        long starts = memory.starts();
        Optional<Session> found = sessions.findByTokenHash(hash);
        Optional<Session> active = found.filter(session -> session.isActiveAt(now));
        if (active.isEmpty()) {
            memory.refused(hash, found, starts, now);
            return Optional.empty();
        }
        Session session = active.get();
        Optional<Session> touched = session.touch(now, policy);
        touched.ifPresent(sessions::recordUse);
        Session current = touched.orElse(session);
        Optional<CurrentSession> resolved = users.findById(current.userId()).map(user -> new CurrentSession(user, current));
        resolved.ifPresent(resolvedSession -> memory.remember(hash, resolvedSession, generation));
        return resolved.map(caller -> new CurrentSession(caller.user(), caller.session(), touched.isPresent()));
    }

    @Override
    public Optional<CurrentSession> current(SessionId id) {
        Instant now = clock.instant();
        Recalled recalled = memory.recall(id, now);
        if (recalled.known()) {
            return recalled.accepted();
        }
        long generation = memory.generation();
        Optional<Session> found = sessions.findById(id);
        Optional<CurrentSession> resolved = found
                .filter(session -> session.isActiveAt(now))
                .flatMap(session -> users.findById(session.userId()).map(user -> new CurrentSession(user, session)));
        resolved.ifPresentOrElse(active -> memory.remember(null, active, generation), () -> memory.refused(id, found, now));
        return resolved;
    }

    @Override
    public Recalled verifyFromMemory(SessionToken token) {
        return memory.recall(token.hash(), clock.instant());
    }

    @Override
    public Recalled currentFromMemory(SessionId id) {
        return memory.recall(id, clock.instant());
    }
}
