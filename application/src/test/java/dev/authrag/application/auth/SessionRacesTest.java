package dev.authrag.application.auth;

import dev.authrag.application.audit.InMemoryAuditTrail;
import dev.authrag.domain.auth.AuthException;
import dev.authrag.domain.auth.AuthException.Reason;
import dev.authrag.domain.lockout.LockoutPolicy;
import dev.authrag.domain.session.ClientInfo;
import dev.authrag.domain.session.RevokeReason;
import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionLimit;
import dev.authrag.domain.session.SessionPolicy;
import dev.authrag.domain.session.TokenHash;
import dev.authrag.domain.user.Password;
import dev.authrag.domain.user.PasswordHash;
import dev.authrag.domain.user.PasswordPolicy;
import dev.authrag.domain.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The races issue 10 (item 4) closes, each forced into its bad interleaving deterministically: the competing step runs
 * inside the first one, at the moment the race window is open.
 */
class SessionRacesTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final String OLD = "correct horse battery staple";
    private static final String NEW = "tranquil meadow lantern 42";
    private static final ClientInfo CLIENT = new ClientInfo("203.0.113.7", "Firefox");
    private static final SessionPolicy POLICY = SessionPolicy.standard();

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryUsers users = new InMemoryUsers();
    private final InMemorySessions stored = new InMemorySessions();
    /** Runs {@link #duringLookup} once, after the store answered a token lookup and before the answer is used. */
    private final AtomicReference<Runnable> duringLookup = new AtomicReference<>();
    private final Sessions sessions = new CountingSessions(stored) {
        @Override
        public Optional<Session> findByTokenHash(TokenHash tokenHash) {
            Optional<Session> found = super.findByTokenHash(tokenHash);
            Runnable race = duringLookup.getAndSet(null);
            if (race != null) {
                race.run();
            }
            return found;
        }
    };
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final SessionMemory memory = new SessionMemory(sessions, POLICY, Duration.ofMinutes(1), Duration.ofMinutes(10), 1000);
    private final InlineTransactions transactions = new InlineTransactions();
    private final SessionEnding ending = new SessionEnding(sessions, memory, audit, transactions);
    private final RacingHasher hasher = new RacingHasher();
    private final InMemoryAccountLockouts lockouts = new InMemoryAccountLockouts();
    private final SignIn signIn = new SignInService(users, ending, transactions, lockouts, hasher, POLICY,
            SessionLimit.standard(), LockoutPolicy.standard(), clock, new SecureRandom(), audit);
    private final ChangePassword changePassword = new ChangePasswordService(users, ending, transactions, lockouts, hasher,
            PasswordPolicy.standard(), LockoutPolicy.standard(), clock, audit);
    private final VerifySession verify = new VerifySessionService(users, sessions, POLICY, clock, memory, 64, java.time.Duration.ZERO);

    private User alice;

    @BeforeEach
    void registerAlice() {
        alice = new RegisterUserService(users, hasher, PasswordPolicy.standard(), clock, new InMemoryAuditTrail())
                .register(new RegisterUser.Command("alice@example.com", OLD, "Alice"));
    }

    @Test
    void aSignIn_thatVerifiedTheOldPasswordWhileAChangeLanded_isRefused_andLeavesNoSessionAlive() {
        SignIn.SignedIn changer = signIn.signIn(new SignIn.Command("alice@example.com", OLD, CLIENT));
        Caller changerHere = new Caller(alice.id(), changer.session().id(), CLIENT);
        // the change lands after the racing sign-in verified the old password, before it stores its session
        hasher.afterNextVerify(() -> changePassword.change(new ChangePassword.Command(changerHere, OLD, NEW)));

        assertThatThrownBy(() -> signIn.signIn(new SignIn.Command("alice@example.com", OLD, CLIENT)))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_CREDENTIALS));

        assertThat(stored.activeOf(alice.id(), clock.instant())).extracting(Session::id)
                .containsExactly(changer.session().id());
        assertThat(hasher.verify(Password.of(NEW), users.findById(alice.id()).orElseThrow().passwordHash())).isTrue();
    }

    @Test
    void aRehashOnSignIn_neverOverwritesAPasswordChangedMeanwhile_andTheSignInIsRefused() {
        SignIn.SignedIn changer = signIn.signIn(new SignIn.Command("alice@example.com", OLD, CLIENT));
        Caller changerHere = new Caller(alice.id(), changer.session().id(), CLIENT);
        hasher.upgradeParameters();
        // the rehash is computed from the old password while the change lands
        hasher.afterNextHash(() -> changePassword.change(new ChangePassword.Command(changerHere, OLD, NEW)));

        assertThatThrownBy(() -> signIn.signIn(new SignIn.Command("alice@example.com", OLD, CLIENT)))
                .isInstanceOf(AuthException.class);

        PasswordHash now = users.findById(alice.id()).orElseThrow().passwordHash();
        assertThat(hasher.verify(Password.of(NEW), now)).as("the change's hash survives").isTrue();
        assertThat(hasher.verify(Password.of(OLD), now)).isFalse();
        assertThat(stored.activeOf(alice.id(), clock.instant())).extracting(Session::id)
                .containsExactly(changer.session().id());
    }

    @Test
    void aCacheFill_racingALocalRevocation_neverBringsTheSessionBack() {
        SignIn.SignedIn signedIn = signIn.signIn(new SignIn.Command("alice@example.com", OLD, CLIENT));
        // the lookup has read the session as active; the revocation lands before the lookup remembers it
        duringLookup.set(() -> ending.end(signedIn.session(), clock.instant(), RevokeReason.SIGNED_OUT, CLIENT));

        verify.verify(signedIn.token());

        assertThat(verify.verifyFromMemory(signedIn.token()).accepted()).as("remembered as active").isEmpty();
        assertThat(verify.verify(signedIn.token())).isEmpty();
        assertThat(verify.currentFromMemory(signedIn.session().id()).accepted()).isEmpty();
    }

    @Test
    void aCacheFill_racingARevocationOfAnotherSession_stillRemembersNothingItCannotVouchFor() {
        SignIn.SignedIn mine = signIn.signIn(new SignIn.Command("alice@example.com", OLD, CLIENT));
        SignIn.SignedIn other = signIn.signIn(new SignIn.Command("alice@example.com", OLD, CLIENT));
        duringLookup.set(() -> ending.end(other.session(), clock.instant(), RevokeReason.SIGNED_OUT, CLIENT));

        assertThat(verify.verify(mine.token())).isPresent();

        // not remembered (a revocation ran during the lookup); the next request asks storage again and is remembered
        assertThat(verify.verifyFromMemory(mine.token()).known()).isFalse();
        assertThat(verify.verify(mine.token())).isPresent();
        assertThat(verify.verifyFromMemory(mine.token()).accepted()).isPresent();
    }

    /** {@link FakePasswordHasher} that runs a competing step once, right after a verify or a hash. */
    private static final class RacingHasher implements PasswordHasher {

        private final FakePasswordHasher fake = new FakePasswordHasher();
        private final AtomicReference<Runnable> afterVerify = new AtomicReference<>();
        private final AtomicReference<Runnable> afterHash = new AtomicReference<>();

        void afterNextVerify(Runnable race) {
            afterVerify.set(race);
        }

        void afterNextHash(Runnable race) {
            afterHash.set(race);
        }

        void upgradeParameters() {
            fake.upgradeParameters();
        }

        @Override
        public PasswordHash hash(Password password) {
            PasswordHash hash = fake.hash(password);
            Optional.ofNullable(afterHash.getAndSet(null)).ifPresent(Runnable::run);
            return hash;
        }

        @Override
        public boolean verify(Password password, PasswordHash hash) {
            boolean matches = fake.verify(password, hash);
            Optional.ofNullable(afterVerify.getAndSet(null)).ifPresent(Runnable::run);
            return matches;
        }

        @Override
        public boolean needsRehash(PasswordHash hash) {
            return fake.needsRehash(hash);
        }
    }
}
