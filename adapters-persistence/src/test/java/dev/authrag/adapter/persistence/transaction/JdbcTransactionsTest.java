package dev.authrag.adapter.persistence.transaction;

import dev.authrag.adapter.persistence.testing.OnTestDatabase;
import dev.authrag.adapter.persistence.testing.TestDatabase;
import dev.authrag.adapter.persistence.user.JdbcUsers;
import dev.authrag.domain.user.Email;
import dev.authrag.domain.user.PasswordHash;
import dev.authrag.domain.user.User;
import dev.authrag.domain.user.UserId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link JdbcTransactions} on PostgreSQL: all or nothing, after-commit work, and the account lock sign-in relies on. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcTransactionsTest implements OnTestDatabase {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final PasswordHash OLD = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$b2xk$b2xkaGFzaA");

    private final TestDatabase database = TestDatabase.create("transactions");

    @Inject
    JdbcTransactions transactions;

    @Inject
    JdbcUsers users;

    @Override
    public TestDatabase database() {
        return database;
    }

    @Test
    void afterCommit_outsideATransaction_runsAtOnce() {
        AtomicBoolean ran = new AtomicBoolean();

        transactions.afterCommit(() -> ran.set(true));

        assertThat(ran).isTrue();
    }

    @Test
    void afterCommit_insideATransaction_runsOnlyOnceItCommitted() {
        AtomicBoolean ran = new AtomicBoolean();
        User user = aUser();

        boolean ranInside = transactions.inTransaction(() -> {
            users.add(user);
            transactions.afterCommit(() -> ran.set(true));
            return ran.get();
        });

        assertThat(ranInside).isFalse();
        assertThat(ran).isTrue();
        assertThat(users.findById(user.id())).isPresent();
    }

    @Test
    void aFailingTransaction_storesNothing_andDropsItsAfterCommitWork() {
        AtomicBoolean ran = new AtomicBoolean();
        User user = aUser();

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            users.add(user);
            transactions.afterCommit(() -> ran.set(true));
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");

        assertThat(ran).isFalse();
        assertThat(users.findById(user.id())).isEmpty();
    }

    /**
     * What sign-in relies on: once {@code stillHasPassword} answered inside a transaction, a password change waits for
     * that transaction to end, so it cannot land between the check and the session's insert.
     */
    @Test
    void stillHasPassword_holdsTheAccount_soAPasswordChangeWaitsForTheCommit() throws Exception {
        User user = aUser();
        users.add(user);
        List<String> order = new CopyOnWriteArrayList<>();
        ExecutorService changer = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> change = transactions.inTransaction(() -> {
                assertThat(users.stillHasPassword(user.id(), OLD)).isTrue();
                Future<Boolean> started = changer.submit(() -> {
                    boolean stored = users.replacePasswordHash(
                            user.withPasswordHash(new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$bmV3$bmV3"), T0), OLD);
                    order.add("change stored");
                    return stored;
                });
                awaitBlockedOnALock();
                order.add("sign-in committing");
                return started;
            });

            assertThat(change.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(order).containsExactly("sign-in committing", "change stored");
        } finally {
            changer.shutdownNow();
        }
    }

    /** Waits until some session of this database waits on a row lock (the change, behind the sign-in). */
    private void awaitBlockedOnALock() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity "
                         + "WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
                rows.next();
                if (rows.getInt(1) > 0) {
                    return;
                }
                Thread.sleep(20);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the password change never waited on the account's lock");
    }

    private static User aUser() {
        return User.restore(UserId.random(), Email.of("tx-" + UUID.randomUUID() + "@example.com"), null, OLD, T0, T0);
    }
}
