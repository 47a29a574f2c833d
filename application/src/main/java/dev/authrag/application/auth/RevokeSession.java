package dev.authrag.application.auth;

import dev.authrag.domain.session.SessionId;

/** Use case: end one of the caller's own sessions, for example a lost phone's. */
public interface RevokeSession {

    /**
     * Revoking the session the caller is using is allowed and ends it like a sign-out.
     *
     * @throws dev.authrag.domain.auth.AuthException SESSION_NOT_FOUND unless the target is one of the caller's own
     *         active sessions; another user's session is answered exactly like one that does not exist
     */
    void revoke(Command command);

    record Command(Caller caller, SessionId target) {
    }
}
