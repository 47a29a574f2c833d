package dev.authrag.application.auth;

import dev.authrag.domain.session.ClientInfo;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.user.UserId;

import java.util.Objects;

/**
 * An authenticated caller as the session use cases need it: whose account, which session the request came through
 * (the one a session token names, or the {@code sid} of an access token), and where the request came from, which the
 * audit trail records with what the request did.
 */
public record Caller(UserId user, SessionId session, ClientInfo client) {

    public Caller {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(session, "session");
        client = client == null ? ClientInfo.unknown() : client;
    }

    /** A caller whose address and user agent are unknown. */
    public Caller(UserId user, SessionId session) {
        this(user, session, ClientInfo.unknown());
    }
}
