package dev.authrag.domain.token;

import dev.authrag.domain.session.ClientInfo;
import dev.authrag.domain.session.RevokeReason;
import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.SessionPolicy;
import dev.authrag.domain.session.TokenHash;
import dev.authrag.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokenClaimsTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final AccessTokenPolicy POLICY = new AccessTokenPolicy("https://auth.example.com", "authrag", LIFETIME, SKEW);
    private static final SessionPolicy SESSIONS = new SessionPolicy(Duration.ofHours(1), Duration.ofHours(8), Duration.ofMinutes(5));

    private static final SessionId SID = new SessionId(UUID.fromString("0b6e2f0a-6a8e-4c1b-9d59-6f1c2d3e4f50"));
    private static final UserId USER = new UserId(UUID.fromString("5f0c7a3e-1b2d-4c5e-8f90-123456789abc"));
    private static final Session SESSION = Session.start(SID, USER, new TokenHash("a".repeat(64)), ClientInfo.unknown(), T0, SESSIONS);

    private final AccessTokenClaims issued = AccessTokenClaims.issue(SESSION, T0, POLICY, "jti-1");

    @Test
    void issue_namesTheSessionItsUserAndThePolicysIssuerAndAudience() {
        assertThat(issued.issuer()).isEqualTo("https://auth.example.com");
        assertThat(issued.audience()).isEqualTo("authrag");
        assertThat(issued.subject()).isEqualTo(USER);
        assertThat(issued.sessionId()).isEqualTo(SID);
        assertThat(issued.tokenId()).isEqualTo("jti-1");
        assertThat(issued.issuedAt()).isEqualTo(T0);
        assertThat(issued.notBefore()).isEqualTo(T0);
    }

    @Test
    void issue_expiresAfterThePolicyLifetimeWhenTheSessionLivesLonger() {
        assertThat(issued.expiresAt()).isEqualTo(T0.plus(LIFETIME));
    }

    @Test
    void issue_expiresWithTheSessionWhenTheSessionEndsFirst() {
        Instant now = SESSION.expiresAt().minus(Duration.ofMinutes(4));

        AccessTokenClaims claims = AccessTokenClaims.issue(SESSION, now, POLICY, "jti-2");

        assertThat(claims.expiresAt()).isEqualTo(SESSION.expiresAt());
    }

    @Test
    void issue_forARevokedSession_isRefused() {
        Session revoked = SESSION.revoke(T0.plusSeconds(10), RevokeReason.SIGNED_OUT);

        assertThatThrownBy(() -> AccessTokenClaims.issue(revoked, T0.plusSeconds(20), POLICY, "jti"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void issue_forAnExpiredSession_isRefused() {
        assertThatThrownBy(() -> AccessTokenClaims.issue(SESSION, SESSION.expiresAt(), POLICY, "jti"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void constructor_rejectsABlankTokenId() {
        assertThatThrownBy(() -> claims("iss", "aud", T0, T0, T0.plus(LIFETIME), " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isAcceptableAt_whenIssuedAndJustBeforeExpiry_isTrue() {
        assertThat(issued.isAcceptableAt(T0, POLICY)).isTrue();
        assertThat(issued.isAcceptableAt(T0.plus(LIFETIME).minusSeconds(1), POLICY)).isTrue();
    }

    @Test
    void isAcceptableAt_withAnotherIssuer_isFalse() {
        AccessTokenClaims foreign = claims("https://evil.example.com", "authrag", T0, T0, T0.plus(LIFETIME), "jti");

        assertThat(foreign.isAcceptableAt(T0, POLICY)).isFalse();
    }

    @Test
    void isAcceptableAt_withAnotherAudience_isFalse() {
        AccessTokenClaims foreign = claims(POLICY.issuer(), "another-service", T0, T0, T0.plus(LIFETIME), "jti");

        assertThat(foreign.isAcceptableAt(T0, POLICY)).isFalse();
    }

    @Test
    void isAcceptableAt_pastExpiryButWithinTheSkew_isTrue() {
        assertThat(issued.isAcceptableAt(issued.expiresAt().plus(SKEW).minusSeconds(1), POLICY)).isTrue();
    }

    @Test
    void isAcceptableAt_pastExpiryBeyondTheSkew_isFalse() {
        assertThat(issued.isAcceptableAt(issued.expiresAt().plus(SKEW), POLICY)).isFalse();
    }

    @Test
    void isAcceptableAt_beforeNotBeforeWithinTheSkew_isTrue() {
        AccessTokenClaims early = claims(POLICY.issuer(), POLICY.audience(), T0, T0, T0.plus(LIFETIME), "jti");

        assertThat(early.isAcceptableAt(T0.minus(SKEW), POLICY)).isTrue();
    }

    @Test
    void isAcceptableAt_withNotBeforeInTheFutureBeyondTheSkew_isFalse() {
        AccessTokenClaims later = claims(POLICY.issuer(), POLICY.audience(), T0, T0.plus(Duration.ofMinutes(5)),
                T0.plus(LIFETIME), "jti");

        assertThat(later.isAcceptableAt(T0.plusSeconds(1), POLICY)).isFalse();
        assertThat(later.isAcceptableAt(T0.plus(Duration.ofMinutes(4)), POLICY)).isTrue();
    }

    @Test
    void isAcceptableAt_withIssuedAtInTheFutureBeyondTheSkew_isFalse() {
        Instant future = T0.plus(Duration.ofMinutes(5));
        AccessTokenClaims fromTheFuture = claims(POLICY.issuer(), POLICY.audience(), future, T0, future.plus(LIFETIME), "jti");

        assertThat(fromTheFuture.isAcceptableAt(T0, POLICY)).isFalse();
        assertThat(fromTheFuture.isAcceptableAt(future.minus(SKEW), POLICY)).isTrue();
    }

    @Test
    void isAcceptableAt_whenExpiryLiesFurtherFromIssueThanLifetimePlusSkew_isFalse() {
        AccessTokenClaims tooLong = claims(POLICY.issuer(), POLICY.audience(), T0, T0, T0.plus(LIFETIME).plus(SKEW).plusSeconds(1), "jti");

        assertThat(tooLong.isAcceptableAt(T0, POLICY)).isFalse();
    }

    @Test
    void isAcceptableAt_whenExpiryIsExactlyLifetimePlusSkewAfterIssue_isTrue() {
        AccessTokenClaims longest = claims(POLICY.issuer(), POLICY.audience(), T0, T0, T0.plus(LIFETIME).plus(SKEW), "jti");

        assertThat(longest.isAcceptableAt(T0, POLICY)).isTrue();
    }

    @Test
    void lifetimeSeconds_isTheWholeSecondsFromIssueToExpiry() {
        assertThat(issued.lifetimeSeconds()).isEqualTo(LIFETIME.toSeconds());
        assertThat(claims(POLICY.issuer(), POLICY.audience(), T0, T0, T0.plusMillis(1500), "jti").lifetimeSeconds()).isEqualTo(1);
    }

    private static AccessTokenClaims claims(String issuer, String audience, Instant issuedAt, Instant notBefore,
                                            Instant expiresAt, String tokenId) {
        return new AccessTokenClaims(issuer, audience, USER, SID, issuedAt, notBefore, expiresAt, tokenId);
    }
}
