package dev.authrag.application.auth;

import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.SessionPolicy;
import dev.authrag.domain.session.SessionToken;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Resolves a token to its active session and user, and slides the idle expiry on use. */
public final class VerifySessionService implements VerifySession {

    private final Users users;
    private final Sessions sessions;
    private final SessionPolicy policy;
    private final Clock clock;

    public VerifySessionService(Users users, Sessions sessions, SessionPolicy policy, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Optional<CurrentSession> verify(SessionToken token) {
        Instant now = clock.instant();
        Optional<Session> active = sessions.findByTokenHash(token.hash()).filter(session -> session.isActiveAt(now));
        if (active.isEmpty()) {
            return Optional.empty();
        }
        Session session = active.get();
        Optional<Session> touched = session.touch(now, policy);
        touched.ifPresent(sessions::recordUse);
        Session current = touched.orElse(session);
        return users.findById(current.userId()).map(user -> new CurrentSession(user, current));
    }

    @Override
    public Optional<CurrentSession> current(SessionId id) {
        Instant now = clock.instant();
        return sessions.findById(id)
                .filter(session -> session.isActiveAt(now))
                .flatMap(session -> users.findById(session.userId()).map(user -> new CurrentSession(user, session)));
    }
}
