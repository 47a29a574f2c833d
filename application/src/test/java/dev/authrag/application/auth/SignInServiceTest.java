package dev.authrag.application.auth;

import dev.authrag.application.audit.InMemoryAuditTrail;
import dev.authrag.domain.audit.SecurityEvent;
import dev.authrag.domain.audit.SecurityEvent.Type;
import dev.authrag.domain.auth.AuthException;
import dev.authrag.domain.auth.AuthException.Reason;
import dev.authrag.domain.lockout.AccountLockout;
import dev.authrag.domain.lockout.LockoutPolicy;
import dev.authrag.domain.session.ClientInfo;
import dev.authrag.domain.session.RevokeReason;
import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionLimit;
import dev.authrag.domain.session.SessionPolicy;
import dev.authrag.domain.user.PasswordPolicy;
import dev.authrag.domain.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SignInServiceTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final String PASSWORD = "correct horse battery staple";
    private static final ClientInfo CLIENT = new ClientInfo("203.0.113.7", "curl/8.5.0");
    private static final SessionPolicy POLICY = SessionPolicy.standard();
    private static final LockoutPolicy LOCKOUT = LockoutPolicy.standard();
    private static final String WRONG = "wrong horse battery staple";

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryUsers users = new InMemoryUsers();
    private final InMemorySessions sessions = new InMemorySessions();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final InMemoryAccountLockouts lockouts = new InMemoryAccountLockouts();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final SessionMemory memory = new SessionMemory(sessions, POLICY, java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(10), 1000);
    private final InlineTransactions transactions = new InlineTransactions();
    private final SessionEnding ending = new SessionEnding(sessions, memory, audit, transactions);
    private final SignIn signIn = new SignInService(users, ending, transactions, lockouts, hasher, POLICY, new SessionLimit(3),
            LOCKOUT, clock, new SecureRandom(), audit);

    private User alice;

    @BeforeEach
    void registerAlice() {
        alice = new RegisterUserService(users, hasher, PasswordPolicy.standard(), clock, new InMemoryAuditTrail())
                .register(new RegisterUser.Command("alice@example.com", PASSWORD, "Alice"));
        clock.advance(Duration.ofHours(1));
        hasher.resetCounts();
    }

    @Test
    void signIn_withTheRightPassword_opensASessionStoredUnderTheTokenHash() {
        SignIn.SignedIn signedIn = signIn.signIn(new SignIn.Command("alice@example.com", PASSWORD, CLIENT));

        assertThat(signedIn.user().id()).isEqualTo(alice.id());
        assertThat(signedIn.session().tokenHash()).isEqualTo(signedIn.token().hash());
        Session stored = sessions.findByTokenHash(signedIn.token().hash()).orElseThrow();
        assertThat(stored.id()).isEqualTo(signedIn.session().id());
        assertThat(stored.userId()).isEqualTo(alice.id());
        assertThat(stored.client()).isEqualTo(CLIENT);
        assertThat(stored.createdAt()).isEqualTo(clock.instant());
        assertThat(stored.idleExpiresAt()).isEqualTo(clock.instant().plus(POLICY.idleTimeout()));
        assertThat(stored.absoluteExpiresAt()).isEqualTo(clock.instant().plus(POLICY.absoluteLifetime()));
        assertThat(stored.tokenHash().hex()).doesNotContain(signedIn.token().reveal());
    }

    @Test
    void signIn_withTheEmailInOtherCaseAndSurroundingSpaces_succeeds() {
        SignIn.SignedIn signedIn = signIn.signIn(new SignIn.Command("  ALICE@example.COM ", PASSWORD, CLIENT));

        assertThat(signedIn.user().id()).isEqualTo(alice.id());
    }

    @Test
    void signIn_withTheFullWidthFormOfThePassword_succeedsAfterNormalisation() {
        String fullWidth = "ｃｏｒｒｅｃｔ　ｈｏｒｓｅ　ｂａｔｔｅｒｙ　ｓｔａｐｌｅ";

        assertThat(signIn.signIn(new SignIn.Command("alice@example.com", fullWidth, CLIENT)).user().id())
                .isEqualTo(alice.id());
    }

    @Test
    void signIn_twice_opensTwoSessionsWithDifferentTokens() {
        SignIn.SignedIn first = signIn.signIn(new SignIn.Command("alice@example.com", PASSWORD, CLIENT));
        SignIn.SignedIn second = signIn.signIn(new SignIn.Command("alice@example.com", PASSWORD, CLIENT));

        assertThat(first.token()).isNotEqualTo(second.token());
        assertThat(first.session().id()).isNotEqualTo(second.session().id());
        assertThat(sessions.size()).isEqualTo(2);
    }

    @Test
    void signIn_withoutClientInfo_recordsAnUnknownClient() {
        SignIn.SignedIn signedIn = signIn.signIn(new SignIn.Command("alice@example.com", PASSWORD, null));

        assertThat(signedIn.session().client()).isEqualTo(ClientInfo.unknown());
    }

    @Test
    void signIn_withWrongPassword_isRejectedLikeAnUnknownEmail() {
        AuthException wrongPassword = refusal("alice@example.com", "wrong horse battery staple");
        AuthException unknownEmail = refusal("nobody@example.com", PASSWORD);

        assertThat(wrongPassword.reason()).isEqualTo(Reason.INVALID_CREDENTIALS);
        assertThat(wrongPassword.getMessage()).isEqualTo("Invalid email or password");
        assertThat(unknownEmail).usingRecursiveComparison().isEqualTo(wrongPassword);
    }

    @Test
    void signIn_withAMalformedEmail_isRejectedLikeAWrongPassword() {
        AuthException wrongPassword = refusal("alice@example.com", "wrong horse battery staple");
        AuthException malformed = refusal("not an email", PASSWORD);

        assertThat(malformed).usingRecursiveComparison().isEqualTo(wrongPassword);
    }

    @Test
    void signIn_withWrongPassword_verifiesExactlyOnce() {
        refusal("alice@example.com", "wrong horse battery staple");

        assertThat(hasher.verifyCalls()).isEqualTo(1);
    }

    @Test
    void signIn_withAnUnknownEmail_stillVerifiesOnceAgainstADummyHash() {
        refusal("nobody@example.com", PASSWORD);

        assertThat(hasher.verifyCalls()).isEqualTo(1);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "not an email", "alice@@example.com", "alice@localhost"})
    void signIn_withAMalformedEmail_stillVerifiesOnceAgainstADummyHash(String email) {
        AuthException refused = refusal(email, PASSWORD);

        assertThat(refused.reason()).isEqualTo(Reason.INVALID_CREDENTIALS);
        assertThat(hasher.verifyCalls()).isEqualTo(1);
    }

    @Test
    void signIn_withoutAPassword_isRejectedAfterOneVerification() {
        AuthException refused = refusal("alice@example.com", null);

        assertThat(refused.reason()).isEqualTo(Reason.INVALID_CREDENTIALS);
        assertThat(hasher.verifyCalls()).isEqualTo(1);
    }

    @Test
    void signIn_whenRejected_opensNoSession() {
        refusal("alice@example.com", "wrong horse battery staple");
        refusal("nobody@example.com", PASSWORD);

        assertThat(sessions.size()).isZero();
    }

    @Test
    void signIn_whenTheHashHasOutdatedParameters_storesAFreshHash() {
        hasher.upgradeParameters();

        SignIn.SignedIn signedIn = signIn.signIn(new SignIn.Command("alice@example.com", PASSWORD, CLIENT));

        User stored = users.findById(alice.id()).orElseThrow();
        assertThat(stored.passwordHash()).isNotEqualTo(alice.passwordHash());
        assertThat(hasher.needsRehash(stored.passwordHash())).isFalse();
        assertThat(stored.updatedAt()).isEqualTo(clock.instant());
        assertThat(stored.createdAt()).isEqualTo(alice.createdAt());
        assertThat(signedIn.user().passwordHash()).isEqualTo(stored.passwordHash());
        assertThat(signIn.signIn(new SignIn.Command("alice@example.com", PASSWORD, CLIENT)).user().id())
                .as("the new hash still lets her in").isEqualTo(alice.id());
    }

    @Test
    void signIn_whenTheHashIsCurrent_leavesItAlone() {
        signIn.signIn(new SignIn.Command("alice@example.com", PASSWORD, CLIENT));

        User stored = users.findById(alice.id()).orElseThrow();
        assertThat(stored.passwordHash()).isEqualTo(alice.passwordHash());
        assertThat(stored.updatedAt()).isEqualTo(alice.updatedAt());
        assertThat(hasher.hashCalls()).isZero();
    }

    @Test
    void tenWrongPasswords_lockTheAccountAgainstEvenTheRightOne() {
        AuthException wrongPassword = refusal("alice@example.com", WRONG);
        failTimes(9);

        AuthException locked = refusal("alice@example.com", PASSWORD);

        assertThat(lockouts.find(alice.id()).isLockedAt(clock.instant())).isTrue();
        assertThat(locked).usingRecursiveComparison().isEqualTo(wrongPassword);
        assertThat(sessions.size()).isZero();
    }

    @Test
    void nineWrongPasswords_stillLetTheRightOneIn_andItClearsTheCount() {
        failTimes(9);

        signIn.signIn(new SignIn.Command("alice@example.com", PASSWORD, CLIENT));

        assertThat(lockouts.find(alice.id())).isEqualTo(AccountLockout.clear(alice.id()));
        failTimes(9);
        assertThat(signIn.signIn(new SignIn.Command("alice@example.com", PASSWORD, CLIENT)).user().id())
                .as("the count started again from zero").isEqualTo(alice.id());
    }

    @Test
    void aLockedAccount_stillCostsExactlyOneVerification() {
        failTimes(10);
        hasher.resetCounts();

        refusal("alice@example.com", PASSWORD);

        assertThat(hasher.verifyCalls()).isEqualTo(1);
    }

    @Test
    void attemptsWhileLocked_doNotStretchTheLock() {
        failTimes(10);
        AccountLockout locked = lockouts.find(alice.id());
        clock.advance(Duration.ofMinutes(10));

        refusal("alice@example.com", WRONG);
        refusal("alice@example.com", PASSWORD);

        assertThat(lockouts.find(alice.id())).isEqualTo(locked);
    }

    @Test
    void afterTheLockExpires_theRightPasswordWorksAndClearsTheLockout() {
        failTimes(10);
        clock.advance(LOCKOUT.duration());

        assertThat(signIn.signIn(new SignIn.Command("alice@example.com", PASSWORD, CLIENT)).user().id()).isEqualTo(alice.id());
        assertThat(lockouts.find(alice.id()).isClear()).isTrue();
    }

    @Test
    void aSecondLock_lastsTwiceAsLong() {
        failTimes(10);
        clock.advance(LOCKOUT.duration());
        failTimes(10);

        clock.advance(LOCKOUT.duration());
        refusal("alice@example.com", PASSWORD);
        clock.advance(LOCKOUT.duration());

        assertThat(signIn.signIn(new SignIn.Command("alice@example.com", PASSWORD, CLIENT)).user().id()).isEqualTo(alice.id());
    }

    @Test
    void wrongPasswordsForUnknownOrMalformedEmails_storeNoLockout() {
        refusal("nobody@example.com", WRONG);
        refusal("not an email", WRONG);

        assertThat(lockouts.updates()).isZero();
    }

    @Test
    void aSuccessfulSignInWithNothingOnRecord_writesNoLockout() {
        signIn.signIn(new SignIn.Command("alice@example.com", PASSWORD, CLIENT));

        assertThat(lockouts.updates()).isZero();
    }

    @Test
    void aResetLockout_letsTheRightPasswordInAtOnce() {
        failTimes(10);

        lockouts.reset(alice.id());

        assertThat(signIn.signIn(new SignIn.Command("alice@example.com", PASSWORD, CLIENT)).user().id()).isEqualTo(alice.id());
    }

    @Test
    void signIn_recordsASuccessWithTheUserSessionAndClient() {
        SignIn.SignedIn signedIn = signIn.signIn(new SignIn.Command("alice@example.com", PASSWORD, CLIENT));

        SecurityEvent event = audit.single();
        assertThat(event.type()).isEqualTo(Type.SIGNIN_SUCCESS);
        assertThat(event.userId()).isEqualTo(alice.id());
        assertThat(event.sessionId()).isEqualTo(signedIn.session().id());
        assertThat(event.client()).isEqualTo(CLIENT);
        assertThat(event.occurredAt()).isEqualTo(clock.instant());
    }

    @Test
    void signIn_withWrongPassword_recordsAFailureOnTheAccount() {
        refusal("alice@example.com", "wrong horse battery staple");

        SecurityEvent event = audit.single();
        assertThat(event.type()).isEqualTo(Type.SIGNIN_FAILED);
        assertThat(event.reason()).isEqualTo("wrong_password");
        assertThat(event.userId()).as("the owner sees attempts on their account").isEqualTo(alice.id());
        assertThat(event.sessionId()).isNull();
        assertThat(event.client()).isEqualTo(CLIENT);
    }

    @Test
    void signIn_withAnUnknownOrMalformedEmail_recordsAnAnonymousFailure() {
        refusal("nobody@example.com", PASSWORD);
        refusal("not an email", PASSWORD);

        assertThat(audit.all()).hasSize(2).allSatisfy(event -> {
            assertThat(event.type()).isEqualTo(Type.SIGNIN_FAILED);
            assertThat(event.reason()).isEqualTo("unknown_email");
            assertThat(event.userId()).isNull();
        });
    }

    @Test
    void signIn_whileLocked_recordsALockedRefusalOnTheAccount_evenWithTheRightPassword() {
        failTimes(10);
        clock.advance(Duration.ofMinutes(1));

        refusal("alice@example.com", PASSWORD);

        List<SecurityEvent> locked = audit.ofType(Type.SIGNIN_LOCKED);
        assertThat(locked).singleElement().satisfies(event -> {
            assertThat(event.reason()).isEqualTo("account_locked");
            assertThat(event.userId()).isEqualTo(alice.id());
            assertThat(event.occurredAt()).isEqualTo(clock.instant());
        });
        assertThat(audit.ofType(Type.SIGNIN_FAILED)).hasSize(10)
                .allSatisfy(event -> assertThat(event.reason()).isEqualTo("wrong_password"));
        assertThat(audit.ofType(Type.SIGNIN_SUCCESS)).isEmpty();
    }

    @Test
    void signIn_beyondTheSessionLimit_revokesTheOldestSessionForTheLimit() {
        SignIn.SignedIn oldest = signInAgainLater();
        SignIn.SignedIn second = signInAgainLater();
        SignIn.SignedIn third = signInAgainLater();

        SignIn.SignedIn fourth = signInAgainLater();

        Session revoked = sessions.findById(oldest.session().id()).orElseThrow();
        assertThat(revoked.revokeReason()).contains(RevokeReason.SESSION_LIMIT);
        assertThat(revoked.revokedAt()).contains(fourth.session().createdAt());
        assertThat(sessions.activeOf(alice.id(), clock.instant())).extracting(Session::id)
                .containsExactly(fourth.session().id(), third.session().id(), second.session().id());
    }

    @Test
    void signIn_beyondTheSessionLimit_recordsTheSessionItEnded_withTheNewSignInsClient() {
        SignIn.SignedIn oldest = signInAgainLater();
        signInAgainLater();
        signInAgainLater();

        SignIn.SignedIn fourth = signInAgainLater();

        SecurityEvent event = single(audit.ofType(Type.SESSION_REVOKED));
        assertThat(event.reason()).isEqualTo("session_limit");
        assertThat(event.userId()).isEqualTo(alice.id());
        assertThat(event.sessionId()).isEqualTo(oldest.session().id());
        assertThat(event.client()).isEqualTo(CLIENT);
        assertThat(event.occurredAt()).isEqualTo(fourth.session().createdAt());
        assertThat(audit.ofType(Type.SIGNIN_SUCCESS)).hasSize(4);
    }

    @Test
    void signIn_upToTheSessionLimit_revokesNothing() {
        signInAgainLater();
        signInAgainLater();
        signInAgainLater();

        assertThat(sessions.activeOf(alice.id(), clock.instant())).hasSize(3);
        assertThat(audit.ofType(Type.SESSION_REVOKED)).isEmpty();
    }

    @Test
    void aCommand_neverPrintsThePassword() {
        assertThat(new SignIn.Command("alice@example.com", PASSWORD, CLIENT).toString()).doesNotContain(PASSWORD);
    }

    private static SecurityEvent single(List<SecurityEvent> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private void failTimes(int count) {
        for (int i = 0; i < count; i++) {
            refusal("alice@example.com", WRONG);
        }
    }

    private SignIn.SignedIn signInAgainLater() {
        clock.advance(Duration.ofMinutes(1));
        return signIn.signIn(new SignIn.Command("alice@example.com", PASSWORD, CLIENT));
    }

    private AuthException refusal(String email, String password) {
        try {
            signIn.signIn(new SignIn.Command(email, password, CLIENT));
        } catch (AuthException e) {
            return e;
        }
        throw new AssertionError("expected sign-in to be refused");
    }
}
