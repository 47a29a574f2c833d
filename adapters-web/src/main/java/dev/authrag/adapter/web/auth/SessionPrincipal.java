package dev.authrag.adapter.web.auth;

import dev.authrag.application.auth.VerifySession.CurrentSession;
import dev.authrag.domain.session.SessionId;
import io.micronaut.security.authentication.Authentication;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** How an authenticated caller is carried through micronaut-security: the user id as name, the session alongside. */
public final class SessionPrincipal {

    static final String SESSION_ID = "sid";
    static final String CURRENT = "authrag.current-session";
    static final String CREDENTIAL = "credential";

    private SessionPrincipal() {
    }

    /** A caller authenticated with a session token (cookie or Bearer). */
    static Authentication of(CurrentSession current) {
        return Authentication.build(current.user().id().toString(), Map.of(
                SESSION_ID, current.session().id().toString(),
                CREDENTIAL, "session",
                CURRENT, current));
    }

    static SessionId sessionId(Authentication authentication) {
        return new SessionId(UUID.fromString((String) authentication.getAttributes().get(SESSION_ID)));
    }

    static Optional<CurrentSession> current(Authentication authentication) {
        return Optional.ofNullable(authentication.getAttributes().get(CURRENT))
                .filter(CurrentSession.class::isInstance)
                .map(CurrentSession.class::cast);
    }
}
