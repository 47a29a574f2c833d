package dev.authrag.adapter.persistence.audit;

import dev.authrag.adapter.persistence.testing.OnTestDatabase;
import dev.authrag.adapter.persistence.testing.TestDatabase;
import dev.authrag.application.audit.AuditTrail;
import dev.authrag.application.audit.AuditTrailContract;
import dev.authrag.domain.audit.SecurityEvent;
import dev.authrag.domain.user.UserId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@link AuditTrail} contract against PostgreSQL with the real migrations, and the table's append-only guard. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcAuditTrailTest extends AuditTrailContract implements OnTestDatabase {

    private final TestDatabase database = TestDatabase.create("audit");

    @Inject
    JdbcAuditTrail jdbcAuditTrail;

    @Override
    public TestDatabase database() {
        return database;
    }

    @Override
    protected AuditTrail trail() {
        return jdbcAuditTrail;
    }

    @Test
    void anUpdate_isRefusedByTheDatabase_whileTheRowStaysAsWritten() throws SQLException {
        UserId owner = UserId.random();
        SecurityEvent event = SecurityEvent.of(SecurityEvent.Type.SIGNIN_FAILED, T0, CLIENT, "wrong_password").withUser(owner);
        trail().record(event);

        try (Connection connection = database.connect();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE audit_events SET outcome = 'success', reason = NULL WHERE id = ?")) {
            update.setObject(1, event.id());
            assertThatThrownBy(update::executeUpdate).isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }

        assertThat(trail().newestFirst(owner, null, 10)).singleElement().usingRecursiveComparison().isEqualTo(event);
    }

    @Test
    void theRows_keepTheAddressAsInetAndNoCredentialColumns() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             var columns = statement.executeQuery("""
                     SELECT column_name, data_type FROM information_schema.columns
                     WHERE table_name = 'audit_events' ORDER BY ordinal_position""")) {
            StringBuilder schema = new StringBuilder();
            while (columns.next()) {
                schema.append(columns.getString(1)).append(':').append(columns.getString(2)).append(' ');
            }
            assertThat(schema.toString()).contains("ip:inet", "occurred_at:timestamp with time zone")
                    .doesNotContain("token", "password", "hash", "cookie");
        }
    }

    @Test
    void aFailureWithoutAReason_isRefusedByTheDatabaseToo() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("""
                    INSERT INTO audit_events (id, occurred_at, type, outcome)
                    VALUES (gen_random_uuid(), now(), 'signin_failed', 'failure')"""))
                    .isInstanceOf(SQLException.class).hasMessageContaining("audit_events_failure_has_reason");
        }
    }
}
