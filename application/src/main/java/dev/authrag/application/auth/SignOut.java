package dev.authrag.application.auth;

import dev.authrag.domain.session.ClientInfo;
import dev.authrag.domain.session.SessionId;

/** Use case: end the caller's current session. */
public interface SignOut {

    /** @param client where the sign-out request came from, for the audit trail */
    void signOut(SessionId current, ClientInfo client);
}
