package dev.authrag.application.token;

import dev.authrag.application.auth.ActiveSessions;
import dev.authrag.domain.session.Session;
import dev.authrag.domain.token.AccessTokenClaims;
import dev.authrag.domain.token.AccessTokenPolicy;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;

/** Issues and verifies access tokens; a verified token's session must still be active (see {@link ActiveSessions}). */
public final class AccessTokenService implements IssueAccessToken, VerifyAccessToken {

    private final TokenSigner signer;
    private final ActiveSessions activeSessions;
    private final AccessTokenPolicy policy;
    private final Clock clock;
    private final int capacity;
    /** Tokens whose signature was checked: a signature check costs far more than the rest of a request. */
    private final Map<String, AccessTokenClaims> verified = new ConcurrentHashMap<>();

    /** @param capacity verified tokens remembered at most; beyond it memory starts again empty */
    public AccessTokenService(TokenSigner signer, ActiveSessions activeSessions, AccessTokenPolicy policy, Clock clock,
                              int capacity) {
        this.signer = signer;
        this.activeSessions = activeSessions;
        this.policy = policy;
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public AccessToken issue(Session session) {
        AccessTokenClaims claims = AccessTokenClaims.issue(session, clock.instant(), policy, UUID.randomUUID().toString());
        return new AccessToken(signer.sign(claims), claims);
    }

    @Override
    public Optional<AccessTokenClaims> verify(String token) {
        Instant now = clock.instant();
        Optional<AccessTokenClaims> genuine = Optional.ofNullable(verified.get(token)).or(() -> signer.read(token));
        genuine.ifPresent(claims -> remember(token, claims));
        return genuine
                .filter(claims -> claims.isAcceptableAt(now, policy))
                .filter(claims -> activeSessions.isActive(claims.sessionId(), claims.subject(), now));
    }

    @Override
    public Optional<AccessTokenClaims> verifyFromMemory(String token) {
        Instant now = clock.instant();
        return Optional.ofNullable(verified.get(token))
                .filter(claims -> claims.isAcceptableAt(now, policy))
                .filter(claims -> activeSessions.knownActive(claims.sessionId(), claims.subject(), now));
    }

    private void remember(String token, AccessTokenClaims claims) {
        if (verified.size() >= capacity) {
            verified.clear();
        }
        verified.putIfAbsent(token, claims);
    }
}
