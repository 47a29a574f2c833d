package dev.authrag.adapter.web.http.session;

import dev.authrag.application.auth.VerifySession.CurrentSession;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.token.AccessTokenClaims;
import io.micronaut.security.authentication.Authentication;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** How an authenticated caller is carried through micronaut-security: the user id as name, the session alongside. */
public final class SessionPrincipal {

    static final String SESSION_ID = "sid";
    static final String CURRENT = "authrag.current-session";
    static final String CREDENTIAL = "credential";
    /** The credential was a session token (cookie or Bearer): the only kind that may manage the session itself. */
    public static final String SESSION_CREDENTIAL = "session";
    public static final String ACCESS_TOKEN_CREDENTIAL = "access_token";

    private SessionPrincipal() {
    }

    /** A caller authenticated with a session token (cookie or Bearer). */
    static Authentication of(CurrentSession current) {
        return Authentication.build(current.user().id().toString(), Map.of(
                SESSION_ID, current.session().id().toString(),
                CREDENTIAL, SESSION_CREDENTIAL,
                CURRENT, current));
    }

    /** A caller authenticated with a verified access token. */
    public static Authentication ofAccessToken(AccessTokenClaims claims) {
        return Authentication.build(claims.subject().toString(), Map.of(
                SESSION_ID, claims.sessionId().toString(),
                CREDENTIAL, ACCESS_TOKEN_CREDENTIAL));
    }

    /** A caller authenticated with a verified access token, with the session it names already resolved. */
    public static Authentication ofAccessToken(AccessTokenClaims claims, CurrentSession current) {
        return Authentication.build(claims.subject().toString(), Map.of(
                SESSION_ID, claims.sessionId().toString(),
                CREDENTIAL, ACCESS_TOKEN_CREDENTIAL,
                CURRENT, current));
    }

    public static boolean bySessionToken(Authentication authentication) {
        return SESSION_CREDENTIAL.equals(authentication.getAttributes().get(CREDENTIAL));
    }

    public static SessionId sessionId(Authentication authentication) {
        return new SessionId(UUID.fromString((String) authentication.getAttributes().get(SESSION_ID)));
    }

    public static Optional<CurrentSession> current(Authentication authentication) {
        return Optional.ofNullable(authentication.getAttributes().get(CURRENT))
                .filter(CurrentSession.class::isInstance)
                .map(CurrentSession.class::cast);
    }
}
