package dev.authrag.application.token;

import dev.authrag.application.audit.InMemoryAuditTrail;
import dev.authrag.application.auth.InMemorySessions;
import dev.authrag.application.auth.InlineTransactions;
import dev.authrag.application.auth.InMemoryUsers;
import dev.authrag.application.auth.MutableClock;
import dev.authrag.application.auth.SessionEnding;
import dev.authrag.application.auth.SessionMemory;
import dev.authrag.application.auth.VerifySessionService;
import dev.authrag.domain.session.ClientInfo;
import dev.authrag.domain.session.RevokeReason;
import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.SessionPolicy;
import dev.authrag.domain.session.SessionToken;
import dev.authrag.domain.token.AccessTokenClaims;
import dev.authrag.domain.token.AccessTokenPolicy;
import dev.authrag.domain.user.Email;
import dev.authrag.domain.user.PasswordHash;
import dev.authrag.domain.user.User;
import dev.authrag.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokenServiceTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final AccessTokenPolicy POLICY = new AccessTokenPolicy("https://auth.example.com", "authrag", LIFETIME, SKEW);
    private static final SessionPolicy SESSIONS = new SessionPolicy(Duration.ofHours(1), Duration.ofHours(8), Duration.ofMinutes(5));

    private final MutableClock clock = new MutableClock(T0);
    private final InMemorySessions storage = new InMemorySessions();
    private final InMemoryUsers users = new InMemoryUsers();
    private final SessionMemory memory = new SessionMemory(storage, SESSIONS, Duration.ofMinutes(1), Duration.ofMinutes(10), 100);
    private final SessionEnding ending = new SessionEnding(storage, memory, new InMemoryAuditTrail(), new InlineTransactions());
    private final InMemoryTokenSigner signer = new InMemoryTokenSigner();
    private final AccessTokenService service = new AccessTokenService(signer,
            new VerifySessionService(users, storage, SESSIONS, clock, memory, 64, java.time.Duration.ZERO), POLICY, clock, 1000);
    private final UserId alice = UserId.random();

    private Session session;

    @BeforeEach
    void aliceIsSignedIn() {
        session = Session.start(SessionId.random(), alice, SessionToken.generate(new SecureRandom()).hash(),
                ClientInfo.unknown(), T0, SESSIONS);
        users.add(User.restore(alice, Email.of("alice@example.com"), null, new PasswordHash("$argon2id$x"), T0, T0));
        storage.add(session);
    }

    @Test
    void issueThenVerify_roundTripsTheClaims() {
        IssueAccessToken.AccessToken token = service.issue(session);

        assertThat(service.verify(token.value())).contains(token.claims());
        assertThat(token.claims().subject()).isEqualTo(alice);
        assertThat(token.claims().sessionId()).isEqualTo(session.id());
        assertThat(token.claims().expiresAt()).isEqualTo(T0.plus(LIFETIME));
    }

    @Test
    void issue_givesEachTokenItsOwnId() {
        assertThat(service.issue(session).claims().tokenId()).isNotEqualTo(service.issue(session).claims().tokenId());
    }

    @Test
    void issue_forARevokedSession_isRefused() {
        Session revoked = session.revoke(T0, RevokeReason.SIGNED_OUT);

        assertThatThrownBy(() -> service.issue(revoked)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void accessToken_toString_hidesTheToken() {
        IssueAccessToken.AccessToken token = service.issue(session);

        assertThat(token.toString()).doesNotContain(token.value()).contains(token.claims().tokenId());
    }

    @Test
    void verify_ofAnUnknownToken_isEmpty() {
        assertThat(service.verify("not-a-token")).isEmpty();
    }

    @Test
    void verify_afterTheSessionWasRevoked_isEmptyAtOnce() {
        IssueAccessToken.AccessToken token = service.issue(session);
        assertThat(service.verify(token.value())).isPresent();

        ending.end(session, T0.plusSeconds(5), RevokeReason.SIGNED_OUT, ClientInfo.unknown());

        assertThat(service.verify(token.value())).isEmpty();
    }

    @Test
    void verify_ofATokenWhoseSessionWasRevokedBeforeFirstUse_isEmpty() {
        IssueAccessToken.AccessToken token = service.issue(session);
        storage.revoke(session.revoke(T0.plusSeconds(5), RevokeReason.SIGNED_OUT));

        assertThat(service.verify(token.value())).isEmpty();
    }

    @Test
    void verify_pastExpiryWithinTheSkew_isPresent() {
        IssueAccessToken.AccessToken token = service.issue(session);

        clock.advance(LIFETIME.plus(SKEW).minusSeconds(1));

        assertThat(service.verify(token.value())).isPresent();
    }

    @Test
    void verify_pastExpiryBeyondTheSkew_isEmpty() {
        IssueAccessToken.AccessToken token = service.issue(session);

        clock.advance(LIFETIME.plus(SKEW));

        assertThat(service.verify(token.value())).isEmpty();
    }

    @Test
    void verify_ofATokenForAnotherAudience_isEmpty() {
        AccessTokenClaims foreign = new AccessTokenClaims(POLICY.issuer(), "another-service", alice, session.id(),
                T0, T0, T0.plus(LIFETIME), "jti");

        assertThat(service.verify(signer.sign(foreign))).isEmpty();
    }

    @Test
    void verify_ofATokenNamingSomeoneElsesSession_isEmpty() {
        AccessTokenClaims forged = new AccessTokenClaims(POLICY.issuer(), POLICY.audience(), UserId.random(), session.id(),
                T0, T0, T0.plus(LIFETIME), "jti");

        assertThat(service.verify(signer.sign(forged))).isEmpty();
    }

    @Test
    void verify_whenTheSessionExpiredBeforeTheToken_isEmpty() {
        clock.set(session.expiresAt().minus(Duration.ofMinutes(5)));
        IssueAccessToken.AccessToken token = service.issue(session);

        clock.set(session.expiresAt());

        assertThat(token.claims().expiresAt()).isEqualTo(session.expiresAt());
        assertThat(service.verify(token.value())).isEmpty();
    }

    @Test
    void verifyFromMemory_answersOnlyForATokenVerifiedBeforeAndAnActiveSession() {
        String token = service.issue(session).value();
        assertThat(service.verifyFromMemory(token)).as("never verified here").isEmpty();

        assertThat(service.verify(token)).isPresent();
        assertThat(service.verifyFromMemory(token)).isPresent();

        ending.end(session, T0.plusSeconds(1), RevokeReason.SIGNED_OUT, ClientInfo.unknown());
        assertThat(service.verifyFromMemory(token)).as("revoked here: known at once").isEmpty();
        assertThat(service.verify(token)).isEmpty();
    }

    @Test
    void verifyFromMemory_pastExpiryPlusSkew_isEmpty() {
        String token = service.issue(session).value();
        service.verify(token);

        clock.advance(LIFETIME.plus(SKEW).plusSeconds(1));

        assertThat(service.verifyFromMemory(token)).isEmpty();
    }

    /** Issue 10, item 6: one user minting tokens in a loop fills the verified-token memory only up to its bound. */
    @Test
    void verifiedTokens_areRememberedUpToTheCapacityOnly_andStillVerifyBeyondIt() {
        AccessTokenService small = new AccessTokenService(signer,
                new VerifySessionService(users, storage, SESSIONS, clock, memory, 64, java.time.Duration.ZERO), POLICY, clock, 8);
        String first = small.issue(session).value();
        small.verify(first);

        for (int i = 0; i < 100; i++) {
            assertThat(small.verify(small.issue(session).value())).isPresent();
            assertThat(small.remembered()).isLessThanOrEqualTo(8);
        }

        assertThat(small.verifyFromMemory(first)).as("dropped: least recently used").isEmpty();
        assertThat(small.verify(first)).as("checked again by signature").isPresent();
    }
}
