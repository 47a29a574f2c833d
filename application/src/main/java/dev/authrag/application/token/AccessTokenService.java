package dev.authrag.application.token;

import dev.authrag.application.auth.BoundedMap;
import dev.authrag.application.auth.VerifySession;
import dev.authrag.domain.session.Session;
import dev.authrag.domain.token.AccessTokenClaims;
import dev.authrag.domain.token.AccessTokenPolicy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and verifies access tokens; a verified token's session must still be active and the subject's, as
 * {@link VerifySession#current} answers (from {@link dev.authrag.application.auth.SessionMemory} when it can).
 */
public final class AccessTokenService implements IssueAccessToken, VerifyAccessToken {

    private final TokenSigner signer;
    private final VerifySession sessions;
    private final AccessTokenPolicy policy;
    private final Clock clock;
    /**
     * Tokens whose signature was checked, keyed by the SHA-256 of the token (32 bytes, however long the JWT), least
     * recently used dropped first: a signature check costs far more than the rest of a request.
     */
    private final BoundedMap<Digest, AccessTokenClaims> verified;

    /** @param capacity verified tokens remembered at most */
    public AccessTokenService(TokenSigner signer, VerifySession sessions, AccessTokenPolicy policy, Clock clock, int capacity) {
        this.signer = signer;
        this.sessions = sessions;
        this.policy = policy;
        this.clock = clock;
        this.verified = new BoundedMap<>(capacity);
    }

    @Override
    public AccessToken issue(Session session) {
        AccessTokenClaims claims = AccessTokenClaims.issue(session, clock.instant(), policy, UUID.randomUUID().toString());
        return new AccessToken(signer.sign(claims), claims);
    }

    @Override
    public Optional<AccessTokenClaims> verify(String token) {
        Instant now = clock.instant();
        Digest digest = Digest.of(token);
        Optional<AccessTokenClaims> genuine = Optional.ofNullable(verified.get(digest)).or(() -> {
            Optional<AccessTokenClaims> read = signer.read(token);
            read.ifPresent(claims -> verified.put(digest, claims));
            return read;
        });
        return genuine
                .filter(claims -> claims.isAcceptableAt(now, policy))
                .filter(claims -> sessions.current(claims.sessionId())
                        .filter(current -> current.user().id().equals(claims.subject())).isPresent());
    }

    @Override
    public Optional<AccessTokenClaims> verifyFromMemory(String token) {
        Instant now = clock.instant();
        return Optional.ofNullable(verified.get(Digest.of(token)))
                .filter(claims -> claims.isAcceptableAt(now, policy))
                .filter(claims -> sessions.currentFromMemory(claims.sessionId()).accepted()
                        .filter(current -> current.user().id().equals(claims.subject())).isPresent());
    }

    /** Verified tokens held, for tests at the bound. */
    int remembered() {
        return verified.size();
    }

    /** A token's SHA-256. */
    private record Digest(byte[] bytes) {

        static Digest of(String token) {
            try {
                return new Digest(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required of every Java platform", e);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Digest digest && Arrays.equals(bytes, digest.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Digest";
        }
    }
}
