package dev.authrag.application.auth;

import dev.authrag.domain.session.Session;

import java.time.Clock;
import java.util.List;

/** Lists the caller's active sessions and marks the current one. */
public final class ListSessionsService implements ListSessions {

    private final Sessions sessions;
    private final Clock clock;

    public ListSessionsService(Sessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public List<ListedSession> list(Caller caller) {
        List<Session> active = sessions.activeOf(caller.user(), clock.instant());
        return active.stream().map(session -> new ListedSession(session, session.id().equals(caller.session()))).toList();
    }
}
