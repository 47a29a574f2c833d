package dev.authrag.application.token;

import dev.authrag.domain.session.Session;
import dev.authrag.domain.token.AccessTokenClaims;

/** Use case: a short-lived signed access token for an active session. */
public interface IssueAccessToken {

    AccessToken issue(Session session);

    /** The compact JWT and what it says. */
    record AccessToken(String value, AccessTokenClaims claims) {

        @Override
        public String toString() {
            return "AccessToken[jti=" + claims.tokenId() + "]";
        }
    }
}
