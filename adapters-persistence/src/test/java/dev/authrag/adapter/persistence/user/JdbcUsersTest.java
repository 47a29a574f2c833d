package dev.authrag.adapter.persistence.user;

import dev.authrag.adapter.persistence.testing.OnTestDatabase;
import dev.authrag.adapter.persistence.testing.TestDatabase;
import dev.authrag.application.auth.Users;
import dev.authrag.application.auth.UsersContract;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@link Users} contract against PostgreSQL with the real migrations. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcUsersTest extends UsersContract implements OnTestDatabase {

    private final TestDatabase database = TestDatabase.create("users");

    @Inject
    JdbcUsers jdbcUsers;

    @Override
    public TestDatabase database() {
        return database;
    }

    @Override
    protected Users users() {
        return jdbcUsers;
    }

    @Test
    void schema_refusesAnEmailThatIsNotNormalised() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("INSERT INTO users (id, email, password_hash, created_at, updated_at) "
                    + "VALUES (gen_random_uuid(), ' Mixed@Example.com', '$x', now(), now())"))
                    .hasMessageContaining("users_email_normalised");
        }
    }

    @Test
    void migrations_createTheUniqueEmailIndex() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT indexdef FROM pg_indexes WHERE indexname = 'users_email_key'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).contains("UNIQUE");
        }
    }
}
