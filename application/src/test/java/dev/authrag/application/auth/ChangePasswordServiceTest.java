package dev.authrag.application.auth;

import dev.authrag.application.audit.InMemoryAuditTrail;
import dev.authrag.domain.audit.SecurityEvent;
import dev.authrag.domain.audit.SecurityEvent.Type;
import dev.authrag.domain.auth.AuthException;
import dev.authrag.domain.auth.AuthException.Reason;
import dev.authrag.domain.lockout.LockoutPolicy;
import dev.authrag.domain.session.ClientInfo;
import dev.authrag.domain.session.RevokeReason;
import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.SessionPolicy;
import dev.authrag.domain.session.SessionToken;
import dev.authrag.domain.user.Password;
import dev.authrag.domain.user.PasswordHash;
import dev.authrag.domain.user.PasswordPolicy;
import dev.authrag.domain.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChangePasswordServiceTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final String OLD = "correct horse battery staple";
    private static final String NEW = "tranquil meadow lantern 42";
    private static final SessionPolicy POLICY = SessionPolicy.standard();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ClientInfo CLIENT = new ClientInfo("198.51.100.4", "Firefox");
    private static final LockoutPolicy LOCKOUT = LockoutPolicy.of(10, Duration.ofMinutes(15), Duration.ofHours(24));

    private final MutableClock clock = new MutableClock(T0);
    private final InMemorySessions sessions = new InMemorySessions();
    private final InMemoryUsers users = new InMemoryUsers();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final InMemoryAccountLockouts lockouts = new InMemoryAccountLockouts();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final SessionMemory memory = new SessionMemory(sessions, POLICY, java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(10), 1000);
    private final InlineTransactions transactions = new InlineTransactions();
    private final SessionEnding ending = new SessionEnding(sessions, memory, audit, transactions);
    private final ChangePassword changePassword = new ChangePasswordService(users, ending, transactions, lockouts, hasher,
            PasswordPolicy.standard(), LOCKOUT, clock, audit);

    private User alice;
    private Session current;
    private Session laptop;
    private Session phone;
    private Session bobs;
    private Caller aliceHere;

    @BeforeEach
    void aliceIsSignedInThrice() {
        alice = new RegisterUserService(users, hasher, PasswordPolicy.standard(), clock, new InMemoryAuditTrail())
                .register(new RegisterUser.Command("alice@example.com", OLD, "Alice"));
        User bob = new RegisterUserService(users, hasher, PasswordPolicy.standard(), clock, new InMemoryAuditTrail())
                .register(new RegisterUser.Command("bob@example.com", OLD, "Bob"));
        current = aSession(alice);
        laptop = aSession(alice);
        phone = aSession(alice);
        bobs = aSession(bob);
        aliceHere = new Caller(alice.id(), current.id(), CLIENT);
        clock.advance(Duration.ofHours(1));
        hasher.resetCounts();
    }

    @Test
    void change_storesTheNewPasswordAndRevokesEveryOtherSessionOfTheUser() {
        ChangePassword.Changed changed = changePassword.change(new ChangePassword.Command(aliceHere, OLD, NEW));

        assertThat(changed.revokedSessions()).isEqualTo(2);
        User stored = users.findById(alice.id()).orElseThrow();
        assertThat(hasher.verify(Password.of(NEW), stored.passwordHash())).isTrue();
        assertThat(hasher.verify(Password.of(OLD), stored.passwordHash())).isFalse();
        assertThat(stored.updatedAt()).isEqualTo(clock.instant());
        for (Session other : List.of(laptop, phone)) {
            Session revoked = sessions.findById(other.id()).orElseThrow();
            assertThat(revoked.revokeReason()).contains(RevokeReason.PASSWORD_CHANGED);
            assertThat(revoked.revokedAt()).contains(clock.instant());
        }
        assertThat(sessions.activeOf(alice.id(), clock.instant())).extracting(Session::id).containsExactly(current.id());
        assertThat(sessions.findById(bobs.id()).orElseThrow().isActiveAt(clock.instant())).isTrue();
    }

    @Test
    void change_recordsThePasswordChange_andEachSessionItEnded() {
        changePassword.change(new ChangePassword.Command(aliceHere, OLD, NEW));

        SecurityEvent changed = single(audit.ofType(Type.PASSWORD_CHANGED));
        assertThat(changed.userId()).isEqualTo(alice.id());
        assertThat(changed.sessionId()).as("the session the change came through").isEqualTo(current.id());
        assertThat(changed.client()).isEqualTo(CLIENT);
        assertThat(changed.occurredAt()).isEqualTo(clock.instant());
        List<SecurityEvent> revoked = audit.ofType(Type.SESSION_REVOKED);
        assertThat(revoked).extracting(SecurityEvent::sessionId).containsExactlyInAnyOrder(laptop.id(), phone.id());
        assertThat(revoked).allSatisfy(event -> {
            assertThat(event.reason()).isEqualTo("password_changed");
            assertThat(event.userId()).isEqualTo(alice.id());
            assertThat(event.client()).isEqualTo(CLIENT);
            assertThat(event.occurredAt()).isEqualTo(clock.instant());
        });
        assertThat(audit.all()).hasSize(3);
    }

    @Test
    void change_clearsTheAccountsFailedSignIns_soTheOldCountCannotLockTheNewPassword() {
        for (int i = 0; i < 9; i++) {
            lockouts.update(alice.id(), state -> state.recordFailure(clock.instant(), LOCKOUT));
        }

        changePassword.change(new ChangePassword.Command(aliceHere, OLD, NEW));

        assertThat(lockouts.find(alice.id()).isClear()).isTrue();
    }

    @Test
    void change_afterALockHasPassed_clearsItsHistory() {
        for (int i = 0; i < 10; i++) {
            lockouts.update(alice.id(), state -> state.recordFailure(clock.instant(), LOCKOUT));
        }
        assertThat(lockouts.find(alice.id()).isLockedAt(clock.instant())).isTrue();
        clock.advance(Duration.ofMinutes(15));

        changePassword.change(new ChangePassword.Command(aliceHere, OLD, NEW));

        assertThat(lockouts.find(alice.id()).isClear()).isTrue();
    }

    @Test
    void aRefusedChange_keepsTheFailedSignIns_andAuditsOnlyTheWrongPassword() {
        for (int i = 0; i < 8; i++) {
            lockouts.update(alice.id(), state -> state.recordFailure(clock.instant(), LOCKOUT));
        }

        assertRefused(new ChangePassword.Command(aliceHere, "not my password", NEW), Reason.WRONG_CURRENT_PASSWORD);
        assertRefused(new ChangePassword.Command(aliceHere, OLD, "short"), Reason.WEAK_PASSWORD);

        assertThat(audit.all()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(Type.PASSWORD_CHANGE_FAILED);
            assertThat(event.reason()).isEqualTo("wrong_password");
            assertThat(event.userId()).isEqualTo(alice.id());
            assertThat(event.sessionId()).isEqualTo(current.id());
            assertThat(event.client()).isEqualTo(CLIENT);
        });
        assertThat(lockouts.find(alice.id()).isClear()).isFalse();
        assertThat(lockouts.find(alice.id()).isLockedAt(clock.instant())).as("eight sign-ins and one change failed").isFalse();
    }

    @Test
    void wrongCurrentPasswords_countTowardsTheLockout_likeFailedSignIns() {
        for (int i = 0; i < 9; i++) {
            lockouts.update(alice.id(), state -> state.recordFailure(clock.instant(), LOCKOUT));
        }

        assertRefused(new ChangePassword.Command(aliceHere, "not my password", NEW), Reason.WRONG_CURRENT_PASSWORD);

        assertThat(lockouts.find(alice.id()).isLockedAt(clock.instant())).as("the tenth failure").isTrue();
    }

    @Test
    void aLockedAccount_refusesTheRightCurrentPasswordToo_exactlyLikeAWrongOne() {
        for (int i = 0; i < 10; i++) {
            assertRefused(new ChangePassword.Command(aliceHere, "not my password " + i, NEW), Reason.WRONG_CURRENT_PASSWORD);
        }

        assertRefused(new ChangePassword.Command(aliceHere, OLD, NEW), Reason.WRONG_CURRENT_PASSWORD);

        assertUnchanged();
        assertThat(audit.ofType(Type.PASSWORD_CHANGE_FAILED)).extracting(SecurityEvent::reason).hasSize(11)
                .endsWith("account_locked").filteredOn("wrong_password"::equals).hasSize(10);
        clock.advance(Duration.ofMinutes(15));
        assertThat(changePassword.change(new ChangePassword.Command(aliceHere, OLD, NEW)).revokedSessions())
                .as("once the lock has passed").isEqualTo(2);
    }

    @Test
    void change_hashesWithTheCurrentParameters() {
        hasher.upgradeParameters();

        changePassword.change(new ChangePassword.Command(aliceHere, OLD, NEW));

        assertThat(hasher.needsRehash(users.findById(alice.id()).orElseThrow().passwordHash())).isFalse();
        assertThat(hasher.hashCalls()).isEqualTo(1);
    }

    @Test
    void change_withAWrongCurrentPassword_isRefusedAndChangesNothing() {
        assertRefused(new ChangePassword.Command(aliceHere, "not my password", NEW), Reason.WRONG_CURRENT_PASSWORD);

        assertUnchanged();
        assertThat(hasher.hashCalls()).isZero();
    }

    @Test
    void change_withoutTheCurrentPassword_isRefusedLikeAWrongOne() {
        assertRefused(new ChangePassword.Command(aliceHere, null, NEW), Reason.WRONG_CURRENT_PASSWORD);

        assertUnchanged();
    }

    @Test
    void change_toAWeakPassword_namesTheReasonsAndCostsNoHashing() {
        AuthException refused = assertRefused(new ChangePassword.Command(aliceHere, OLD, "short"), Reason.WEAK_PASSWORD);

        assertThat(refused.details()).containsExactly("too_short");
        assertThat(hasher.verifyCalls()).isZero();
        assertThat(hasher.hashCalls()).isZero();
        assertUnchanged();
    }

    @Test
    void change_toAPasswordContainingTheEmailName_isRefusedByTheRegistrationPolicy() {
        AuthException refused = assertRefused(new ChangePassword.Command(aliceHere, OLD, "alice in wonderland"),
                Reason.WEAK_PASSWORD);

        assertThat(refused.details()).containsExactly("contains_email");
        assertUnchanged();
    }

    @Test
    void change_withoutANewPassword_isAWeakPassword() {
        AuthException refused = assertRefused(new ChangePassword.Command(aliceHere, OLD, null), Reason.WEAK_PASSWORD);

        assertThat(refused.details()).containsExactly("too_short");
    }

    @Test
    void change_whenHashingFails_writesNothing() {
        PasswordHasher failing = new PasswordHasher() {
            @Override
            public PasswordHash hash(Password password) {
                throw new IllegalStateException("hashing pool is full");
            }

            @Override
            public boolean verify(Password password, PasswordHash hash) {
                return hasher.verify(password, hash);
            }

            @Override
            public boolean needsRehash(PasswordHash hash) {
                return false;
            }
        };
        ChangePassword overloaded = new ChangePasswordService(users, ending, transactions, lockouts, failing, PasswordPolicy.standard(), LOCKOUT, clock, audit);

        assertThatThrownBy(() -> overloaded.change(new ChangePassword.Command(aliceHere, OLD, NEW)))
                .isInstanceOf(IllegalStateException.class);

        assertUnchanged();
    }

    @Test
    void change_whenTheAccountIsGone_isUnauthenticated() {
        ChangePassword orphaned = new ChangePasswordService(new InMemoryUsers(), ending, transactions, lockouts, hasher,
                PasswordPolicy.standard(), LOCKOUT, clock, audit);

        assertThatThrownBy(() -> orphaned.change(new ChangePassword.Command(aliceHere, OLD, NEW)))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAUTHENTICATED));
    }

    @Test
    void aCommand_neverPrintsEitherPassword() {
        assertThat(new ChangePassword.Command(aliceHere, OLD, NEW).toString()).doesNotContain(OLD).doesNotContain(NEW);
    }

    private static SecurityEvent single(List<SecurityEvent> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private AuthException assertRefused(ChangePassword.Command command, Reason reason) {
        try {
            changePassword.change(command);
        } catch (AuthException e) {
            assertThat(e.reason()).isEqualTo(reason);
            return e;
        }
        throw new AssertionError("expected the change to be refused");
    }

    private void assertUnchanged() {
        assertThat(users.findById(alice.id())).get().usingRecursiveComparison().isEqualTo(alice);
        assertThat(sessions.activeOf(alice.id(), clock.instant())).hasSize(3);
    }

    private Session aSession(User owner) {
        Session session = Session.start(SessionId.random(), owner.id(), SessionToken.generate(RANDOM).hash(),
                ClientInfo.unknown(), clock.instant(), POLICY);
        sessions.add(session);
        clock.advance(Duration.ofSeconds(1));
        return session;
    }
}
