package dev.authrag.application.auth;

import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.SessionToken;
import dev.authrag.domain.user.User;

import java.util.Optional;

/** Use case: resolve a presented session token to its active session and user. */
public interface VerifySession {

    /** Empty when the token is unknown, or its session expired or was revoked. Records the use (sliding expiry). */
    Optional<CurrentSession> verify(SessionToken token);

    /** The active session of that id and its user, for a caller who proved it another way (an access token). */
    Optional<CurrentSession> current(SessionId id);

    /** An authenticated caller. */
    record CurrentSession(User user, Session session) {
    }
}
