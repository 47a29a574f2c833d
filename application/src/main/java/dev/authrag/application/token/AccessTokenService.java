package dev.authrag.application.token;

import dev.authrag.domain.session.Session;
import dev.authrag.domain.token.AccessTokenClaims;
import dev.authrag.domain.token.AccessTokenPolicy;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Issues and verifies access tokens; a verified token's session must still be active (see {@link ActiveSessions}). */
public final class AccessTokenService implements IssueAccessToken, VerifyAccessToken {

    private final TokenSigner signer;
    private final ActiveSessions activeSessions;
    private final AccessTokenPolicy policy;
    private final Clock clock;

    public AccessTokenService(TokenSigner signer, ActiveSessions activeSessions, AccessTokenPolicy policy, Clock clock) {
        this.signer = signer;
        this.activeSessions = activeSessions;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public AccessToken issue(Session session) {
        AccessTokenClaims claims = AccessTokenClaims.issue(session, clock.instant(), policy, UUID.randomUUID().toString());
        return new AccessToken(signer.sign(claims), claims);
    }

    @Override
    public Optional<AccessTokenClaims> verify(String token) {
        Instant now = clock.instant();
        return signer.read(token)
                .filter(claims -> claims.isAcceptableAt(now, policy))
                .filter(claims -> activeSessions.isActive(claims.sessionId(), claims.subject(), now));
    }
}
