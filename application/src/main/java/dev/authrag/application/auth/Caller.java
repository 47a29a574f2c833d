package dev.authrag.application.auth;

import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.user.UserId;

import java.util.Objects;

/**
 * An authenticated caller as the session use cases need it: whose account, and which session the request came
 * through (the one a session token names, or the {@code sid} of an access token).
 */
public record Caller(UserId user, SessionId session) {

    public Caller {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(session, "session");
    }
}
