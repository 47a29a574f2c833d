package dev.authrag.application.auth;

import dev.authrag.domain.session.SessionId;

/** Use case: end the caller's current session. */
public interface SignOut {

    void signOut(SessionId current);
}
