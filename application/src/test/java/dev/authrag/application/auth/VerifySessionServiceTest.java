package dev.authrag.application.auth;

import dev.authrag.domain.session.ClientInfo;
import dev.authrag.domain.session.RevokeReason;
import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.SessionPolicy;
import dev.authrag.domain.session.SessionToken;
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

class VerifySessionServiceTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final SessionPolicy POLICY = SessionPolicy.standard();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryUsers users = new InMemoryUsers();
    private final InMemorySessions sessions = new InMemorySessions();
    private final SessionMemory memory = new SessionMemory(sessions, POLICY, java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(10), 1000);
    private final SessionEnding ending = new SessionEnding(sessions, memory, new dev.authrag.application.audit.InMemoryAuditTrail(), new InlineTransactions());
    private final VerifySession verify = new VerifySessionService(users, sessions, POLICY, clock, memory, 64, java.time.Duration.ZERO);

    private User alice;
    private SessionToken token;
    private Session session;

    @BeforeEach
    void aliceIsSignedIn() {
        alice = User.register(UserId.random(), Email.of("alice@example.com"), "Alice", new PasswordHash("$fake$x"), T0);
        users.add(alice);
        token = SessionToken.generate(RANDOM);
        session = Session.start(SessionId.random(), alice.id(), token.hash(), new ClientInfo("203.0.113.7", "curl"), T0, POLICY);
        sessions.add(session);
    }

    @Test
    void verify_ofAnActiveSession_returnsItsUserAndSession() {
        VerifySession.CurrentSession current = verify.verify(token).orElseThrow();

        assertThat(current.user().id()).isEqualTo(alice.id());
        assertThat(current.session().id()).isEqualTo(session.id());
    }

    @Test
    void verify_ofAnUnknownToken_isEmpty() {
        assertThat(verify.verify(SessionToken.generate(RANDOM))).isEmpty();
    }

    @Test
    void verify_justBeforeTheIdleTimeout_isPresent() {
        clock.advance(POLICY.idleTimeout().minusSeconds(1));

        assertThat(verify.verify(token)).isPresent();
    }

    @Test
    void verify_afterTheIdleTimeout_isEmpty() {
        clock.advance(POLICY.idleTimeout());

        assertThat(verify.verify(token)).isEmpty();
        assertThat(sessions.recordedUses()).isZero();
    }

    @Test
    void verify_pastTheAbsoluteLifetime_isEmptyThoughUsedEveryDay() {
        for (int day = 1; day < POLICY.absoluteLifetime().toDays(); day++) {
            clock.set(T0.plus(Duration.ofDays(day)));
            assertThat(verify.verify(token)).as("day %d", day).isPresent();
        }

        clock.set(T0.plus(POLICY.absoluteLifetime()));

        assertThat(verify.verify(token)).isEmpty();
    }

    @Test
    void verify_ofARevokedSession_isEmpty() {
        sessions.revoke(session.revoke(T0.plusSeconds(60), RevokeReason.SIGNED_OUT));
        clock.advance(Duration.ofMinutes(2));

        assertThat(verify.verify(token)).isEmpty();
    }

    @Test
    void verify_whenTheAccountIsGone_isEmpty() {
        InMemoryUsers noUsers = new InMemoryUsers();
        VerifySession orphaned = new VerifySessionService(noUsers, sessions, POLICY, clock, new SessionMemory(sessions, POLICY, java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(10), 1000), 64, java.time.Duration.ZERO);

        assertThat(orphaned.verify(token)).isEmpty();
    }

    @Test
    void verify_beforeTheUpdateAge_writesNothing() {
        clock.advance(POLICY.updateAge().minusSeconds(1));

        VerifySession.CurrentSession current = verify.verify(token).orElseThrow();

        assertThat(sessions.recordedUses()).isZero();
        assertThat(sessions.findById(session.id())).get().extracting(Session::lastUsedAt).isEqualTo(T0);
        assertThat(current.session().lastUsedAt()).isEqualTo(T0);
    }

    @Test
    void verify_afterTheUpdateAge_storesTheSlidIdleExpiry() {
        clock.advance(POLICY.updateAge());
        Instant now = clock.instant();

        VerifySession.CurrentSession current = verify.verify(token).orElseThrow();

        Session stored = sessions.findById(session.id()).orElseThrow();
        assertThat(sessions.recordedUses()).isEqualTo(1);
        assertThat(stored.lastUsedAt()).isEqualTo(now);
        assertThat(stored.idleExpiresAt()).isEqualTo(now.plus(POLICY.idleTimeout()));
        assertThat(current.session().idleExpiresAt()).isEqualTo(stored.idleExpiresAt());
    }

    @Test
    void verify_keepsAUsedSessionAliveBeyondTheFirstIdleTimeout() {
        clock.advance(Duration.ofDays(6));
        assertThat(verify.verify(token)).isPresent();

        clock.advance(Duration.ofDays(6));

        assertThat(clock.instant()).isAfter(T0.plus(POLICY.idleTimeout()));
        assertThat(verify.verify(token)).isPresent();
    }

    @Test
    void verify_twiceWithinTheUpdateAge_writesOnce() {
        clock.advance(POLICY.updateAge());
        verify.verify(token);
        clock.advance(Duration.ofHours(1));

        verify.verify(token);

        assertThat(sessions.recordedUses()).isEqualTo(1);
    }

    @Test
    void verifyFromMemory_knowsNothingBeforeAFullVerify_andAnswersAfterIt() {
        assertThat(verify.verifyFromMemory(token)).isEqualTo(VerifySession.Recalled.UNKNOWN);

        verify.verify(token);

        assertThat(verify.verifyFromMemory(token).accepted()).get()
                .satisfies(current -> assertThat(current.session().id()).isEqualTo(session.id()));
        assertThat(verify.currentFromMemory(session.id()).accepted()).isPresent();
    }

    @Test
    void verifyFromMemory_afterARevocationHere_refuses_andTheFullVerifyRefuses() {
        verify.verify(token);

        ending.end(session, T0.plusSeconds(5), RevokeReason.SIGNED_OUT, ClientInfo.unknown());

        assertThat(verify.verifyFromMemory(token)).isEqualTo(VerifySession.Recalled.REFUSED);
        assertThat(verify.currentFromMemory(session.id())).isEqualTo(VerifySession.Recalled.REFUSED);
        assertThat(verify.verify(token)).isEmpty();
    }

    @Test
    void verifyFromMemory_afterARevocationElsewhere_refusesOnceRefreshed() {
        verify.verify(token);
        sessions.revoke(session.revoke(T0.plusSeconds(5), RevokeReason.REVOKED_BY_USER));

        memory.refresh(T0.plusSeconds(6));

        assertThat(verify.verifyFromMemory(token).refused()).isTrue();
    }

    @Test
    void verifyFromMemory_whenTheSlidingExpiryIsDue_leavesTheWriteToTheFullVerify() {
        verify.verify(token);
        clock.advance(POLICY.updateAge().plusSeconds(1));

        assertThat(verify.verifyFromMemory(token).known()).isFalse();
        assertThat(verify.verify(token)).isPresent();
        assertThat(sessions.recordedUses()).isEqualTo(1);
        assertThat(verify.verifyFromMemory(token).accepted()).isPresent();
    }

    @Test
    void verifyFromMemory_pastTheIdleExpiry_acceptsNothing() {
        verify.verify(token);
        clock.advance(POLICY.idleTimeout().plusSeconds(1));

        assertThat(verify.verifyFromMemory(token).accepted()).isEmpty();
        assertThat(verify.verify(token)).isEmpty();
    }
}
