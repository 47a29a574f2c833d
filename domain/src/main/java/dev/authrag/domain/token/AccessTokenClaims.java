package dev.authrag.domain.token;

import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.user.UserId;

import java.time.Instant;
import java.util.Objects;

/**
 * The claims of a short-lived access token: who ({@code sub}), through which session ({@code sid}), for whom
 * ({@code iss}, {@code aud}) and when. A token never outlives its session.
 */
public record AccessTokenClaims(String issuer, String audience, UserId subject, SessionId sessionId,
                                Instant issuedAt, Instant notBefore, Instant expiresAt, String tokenId) {

    public AccessTokenClaims {
        Objects.requireNonNull(issuer, "iss");
        Objects.requireNonNull(audience, "aud");
        Objects.requireNonNull(subject, "sub");
        Objects.requireNonNull(sessionId, "sid");
        Objects.requireNonNull(issuedAt, "iat");
        Objects.requireNonNull(notBefore, "nbf");
        Objects.requireNonNull(expiresAt, "exp");
        if (tokenId == null || tokenId.isBlank()) {
            throw new IllegalArgumentException("jti must not be blank");
        }
    }

    /** Claims for a token issued now for an active session; it expires with the policy or the session, whichever is first. */
    public static AccessTokenClaims issue(Session session, Instant now, AccessTokenPolicy policy, String tokenId) {
        if (!session.isActiveAt(now)) {
            throw new IllegalStateException("no access token for an inactive session");
        }
        Instant byPolicy = now.plus(policy.lifetime());
        Instant expiry = byPolicy.isBefore(session.expiresAt()) ? byPolicy : session.expiresAt();
        return new AccessTokenClaims(policy.issuer(), policy.audience(), session.userId(), session.id(),
                now, now, expiry, tokenId);
    }

    /** Issued by us, for our audience, and within its validity window (with the policy's skew). */
    public boolean isAcceptableAt(Instant now, AccessTokenPolicy policy) {
        return issuer.equals(policy.issuer())
                && audience.equals(policy.audience())
                && now.isBefore(expiresAt.plus(policy.skew()))
                && !now.isBefore(notBefore.minus(policy.skew()))
                && !now.isBefore(issuedAt.minus(policy.skew()))
                && !expiresAt.isAfter(issuedAt.plus(policy.lifetime()).plus(policy.skew()));
    }

    /** Whole seconds from issue to expiry, as OAuth's {@code expires_in} for a token handed out as it is issued. */
    public long lifetimeSeconds() {
        return java.time.Duration.between(issuedAt, expiresAt).toSeconds();
    }
}
