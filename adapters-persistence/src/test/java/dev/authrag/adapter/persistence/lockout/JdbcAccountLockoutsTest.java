package dev.authrag.adapter.persistence.lockout;

import dev.authrag.adapter.persistence.testing.OnTestDatabase;
import dev.authrag.adapter.persistence.testing.TestDatabase;
import dev.authrag.adapter.persistence.user.JdbcUsers;
import dev.authrag.application.auth.AccountLockouts;
import dev.authrag.application.auth.AccountLockoutsContract;
import dev.authrag.domain.lockout.LockoutPolicy;
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
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@link AccountLockouts} contract, parallel failures included, against PostgreSQL with the real migrations. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcAccountLockoutsTest extends AccountLockoutsContract implements OnTestDatabase {

    private static final PasswordHash HASH = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g");

    private final TestDatabase database = TestDatabase.create("lockouts");

    @Inject
    JdbcAccountLockouts jdbcLockouts;

    @Inject
    JdbcUsers users;

    @Override
    public TestDatabase database() {
        return database;
    }

    @Override
    protected AccountLockouts lockouts() {
        return jdbcLockouts;
    }

    @Override
    protected UserId anAccount() {
        UserId id = UserId.random();
        users.add(User.restore(id, Email.of("user-" + id + "@example.com"), null, HASH, T0, T0));
        return id;
    }

    @Test
    void deletingTheAccount_deletesItsLockout() throws SQLException {
        UserId user = anAccount();
        lockouts().update(user, current -> current.recordFailure(T0, LockoutPolicy.standard()));

        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM users WHERE id = '" + user + "'");
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM account_lockouts WHERE user_id = '" + user + "'")) {
                rows.next();
                assertThat(rows.getInt(1)).isZero();
            }
        }
    }

    @Test
    void schema_refusesAFailureCountWithoutItsWindow() throws SQLException {
        UserId user = anAccount();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("INSERT INTO account_lockouts (user_id, failures, lockouts) "
                    + "VALUES ('" + user + "', 3, 0)"))
                    .hasMessageContaining("account_lockouts_window");
        }
    }
}
