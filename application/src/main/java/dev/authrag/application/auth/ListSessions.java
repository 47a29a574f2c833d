package dev.authrag.application.auth;

import dev.authrag.domain.session.Session;

import java.util.List;

/** Use case: the caller's active sessions, so they can see where they are signed in. */
public interface ListSessions {

    /** Newest first; only active sessions; the one the caller is using is marked current. */
    List<ListedSession> list(Caller caller);

    /** One active session and whether it is the caller's own. */
    record ListedSession(Session session, boolean current) {
    }
}
