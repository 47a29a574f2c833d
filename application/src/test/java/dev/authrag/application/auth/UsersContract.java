package dev.authrag.application.auth;

import dev.authrag.domain.user.Email;
import dev.authrag.domain.user.PasswordHash;
import dev.authrag.domain.user.User;
import dev.authrag.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link Users} adapter must do, run against the in-memory fake and the PostgreSQL adapter.
 * The store need not be empty: every fixture uses a fresh email and id. Instants are truncated to
 * microseconds, the precision PostgreSQL keeps.
 */
public abstract class UsersContract {

    protected static final Instant T0 = Instant.parse("2025-03-01T09:15:30.123456789Z").truncatedTo(ChronoUnit.MICROS);
    protected static final PasswordHash HASH = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g");

    /** The adapter under test; may return the same instance on every call. */
    protected abstract Users users();

    @Test
    void add_thenFindByEmail_returnsEveryFieldAsStored() {
        User user = aUser(uniqueEmail());

        assertThat(users().add(user)).isTrue();

        assertThat(users().findByEmail(user.email())).get().usingRecursiveComparison().isEqualTo(user);
    }

    @Test
    void add_thenFindById_returnsEveryFieldAsStored() {
        User user = aUser(uniqueEmail());

        users().add(user);

        assertThat(users().findById(user.id())).get().usingRecursiveComparison().isEqualTo(user);
    }

    @Test
    void add_ofAUserWithoutAName_readsBackWithoutAName() {
        User user = User.restore(UserId.random(), uniqueEmail(), null, HASH, T0, T0);

        users().add(user);

        assertThat(users().findById(user.id())).get().satisfies(found -> assertThat(found.name()).isEmpty());
    }

    @Test
    void add_withAnEmailAlreadyTaken_returnsFalseAndKeepsTheFirstAccount() {
        Email email = uniqueEmail();
        User first = aUser(email);
        User second = User.restore(UserId.random(), email, "Someone Else", HASH, T0.plusSeconds(1), T0.plusSeconds(1));
        users().add(first);

        assertThat(users().add(second)).isFalse();

        assertThat(users().findByEmail(email)).get().usingRecursiveComparison().isEqualTo(first);
        assertThat(users().findById(second.id())).isEmpty();
    }

    @Test
    void add_ofTwoAccounts_keepsThemApart() {
        User alice = aUser(uniqueEmail());
        User bob = aUser(uniqueEmail());

        assertThat(users().add(alice)).isTrue();
        assertThat(users().add(bob)).isTrue();

        assertThat(users().findByEmail(alice.email())).get().extracting(User::id).isEqualTo(alice.id());
        assertThat(users().findByEmail(bob.email())).get().extracting(User::id).isEqualTo(bob.id());
    }

    @Test
    void add_calledConcurrentlyWithOneEmail_letsExactlyOneWin() throws Exception {
        Email email = uniqueEmail();
        int contenders = 8;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                User contender = aUser(email);
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return users().add(contender);
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> outcome : outcomes) {
                winners += outcome.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }

            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void findByEmail_ofAnUnknownEmail_isEmpty() {
        assertThat(users().findByEmail(uniqueEmail())).isEmpty();
    }

    @Test
    void findById_ofAnUnknownId_isEmpty() {
        assertThat(users().findById(UserId.random())).isEmpty();
    }

    @Test
    void replacePasswordHash_storesTheNewHashAndUpdateTimeOnly() {
        User user = aUser(uniqueEmail());
        users().add(user);
        PasswordHash newHash = new PasswordHash("$argon2id$v=19$m=65536,t=3,p=1$bmV3c2FsdA$bmV3aGFzaA");
        User changed = user.withPasswordHash(newHash, T0.plus(Duration.ofDays(3)).plusNanos(7_000));

        assertThat(users().replacePasswordHash(changed, HASH)).isTrue();

        assertThat(users().findById(user.id())).get().usingRecursiveComparison().isEqualTo(changed);
        assertThat(users().findByEmail(user.email())).get().usingRecursiveComparison().isEqualTo(changed);
    }

    @Test
    void replacePasswordHash_leavesOtherAccountsAlone() {
        User alice = aUser(uniqueEmail());
        User bob = aUser(uniqueEmail());
        users().add(alice);
        users().add(bob);

        users().replacePasswordHash(alice.withPasswordHash(new PasswordHash("$other$hash"), T0.plusSeconds(60)), HASH);

        assertThat(users().findById(bob.id())).get().usingRecursiveComparison().isEqualTo(bob);
    }

    /** The rehash-on-sign-in race: a rehash computed from the old hash must not undo a password change. */
    @Test
    void replacePasswordHash_afterTheHashChanged_neverOverwritesTheNewerHash() {
        User user = aUser(uniqueEmail());
        users().add(user);
        User changedPassword = user.withPasswordHash(new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$Y2hhbmdlZA$bmV3"),
                T0.plusSeconds(10));
        User staleRehash = user.withPasswordHash(new PasswordHash("$argon2id$v=19$m=65536,t=3,p=1$cmVoYXNo$b2xk"),
                T0.plusSeconds(20));
        assertThat(users().replacePasswordHash(changedPassword, HASH)).isTrue();

        assertThat(users().replacePasswordHash(staleRehash, HASH)).isFalse();

        assertThat(users().findById(user.id())).get().usingRecursiveComparison().isEqualTo(changedPassword);
    }

    @Test
    void replacePasswordHash_ofAnUnknownAccount_storesNothing() {
        User stranger = aUser(uniqueEmail());

        assertThat(users().replacePasswordHash(stranger.withPasswordHash(new PasswordHash("$x$y"), T0), HASH)).isFalse();
        assertThat(users().findById(stranger.id())).isEmpty();
    }

    @Test
    void stillHasPassword_isTrueForTheStoredHashOnly() {
        User user = aUser(uniqueEmail());
        users().add(user);

        assertThat(users().stillHasPassword(user.id(), HASH)).isTrue();
        assertThat(users().stillHasPassword(user.id(), new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$b3RoZXI$aGFzaA"))).isFalse();
        assertThat(users().stillHasPassword(UserId.random(), HASH)).isFalse();
    }

    /** A user whose every field differs from the others' defaults, so a swapped column shows. */
    protected static User aUser(Email email) {
        return User.restore(UserId.random(), email, "Zoë Ångström-山田", HASH, T0, T0.plus(Duration.ofMinutes(5)).plusNanos(1_000));
    }

    protected static Email uniqueEmail() {
        return Email.of("user-" + UUID.randomUUID() + "@example.com");
    }
}
