package dev.authrag.bootstrap.audit;

import dev.authrag.bootstrap.support.HttpTestSupport;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scheduled purge, wired as in production, with AUDIT_RETENTION set to 30 days. */
@MicronautTest(transactional = false)
class AuditPurgeJobTest extends HttpTestSupport {

    @Inject
    AuditPurgeJob job;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("authrag.audit.retention", "30d");
    }

    @Test
    void aRun_deletesTheEventsOlderThanTheRetentionAndKeepsTheRest() throws Exception {
        UUID owner = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            insertEventAgedDays(owner, 31 + i);
        }
        insertEventAgedDays(owner, 29);
        insertEventAgedDays(owner, 0);

        job.purgeExpiredEvents();

        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*), min(occurred_at) > now() - interval '30 days' FROM audit_events WHERE user_id = ?")) {
            query.setObject(1, owner);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(2);
                assertThat(rows.getBoolean(2)).isTrue();
            }
        }
    }

    @Test
    void aMalformedRetention_stopsStartUpNamingTheVariable() {
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("authrag.audit.retention", "forever");

        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .rootCause().hasMessageContaining("AUDIT_RETENTION");
    }

    private void insertEventAgedDays(UUID owner, int days) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO audit_events (id, occurred_at, type, outcome, user_id) VALUES ('"
                    + UUID.randomUUID() + "', now() - interval '" + days + " days', 'signout', 'success', '" + owner + "')");
        }
    }
}
