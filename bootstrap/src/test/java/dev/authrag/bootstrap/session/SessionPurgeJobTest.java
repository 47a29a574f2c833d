package dev.authrag.bootstrap.session;

import dev.authrag.bootstrap.auth.SessionPurgeJob;
import dev.authrag.bootstrap.support.HttpTestSupport;
import dev.authrag.application.auth.MutableClock;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled housekeeping job on PostgreSQL with the default SESSION_PURGE_AFTER (7 days): rows are written
 * straight into the database, the job is run once by hand, and what is left is read back the same way.
 */
@MicronautTest(transactional = false)
class SessionPurgeJobTest extends HttpTestSupport {

    private static final Instant START = Instant.parse("2031-01-06T09:00:00Z");

    private final MutableClock clock = new MutableClock(START);

    @Inject
    SessionPurgeJob job;

    private UUID user;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @BeforeEach
    void anAccountWithNoSessions() throws SQLException {
        clock.set(START);
        try (Connection connection = database.connect()) {
            connection.createStatement().execute("DELETE FROM sessions");
            user = UUID.randomUUID();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users "
                    + "(id, email, password_hash, created_at, updated_at) VALUES (?, ?, 'x', now(), now())")) {
                insert.setObject(1, user);
                insert.setString(2, user + "@example.com");
                insert.executeUpdate();
            }
        }
    }

    @Test
    void run_deletesSessionsThatEndedMoreThanSevenDaysAgo_andKeepsRecentAndActiveOnes() throws SQLException {
        UUID expiredEightDaysAgo = session(START.minus(Duration.ofDays(8)), START.plus(Duration.ofDays(20)), null);
        UUID absoluteEndedEightDaysAgo = session(START.plus(Duration.ofDays(1)), START.minus(Duration.ofDays(8)), null);
        UUID revokedEightDaysAgo = session(START.plus(Duration.ofDays(3)), START.plus(Duration.ofDays(20)),
                START.minus(Duration.ofDays(8)));
        UUID expiredSixDaysAgo = session(START.minus(Duration.ofDays(6)), START.plus(Duration.ofDays(20)), null);
        UUID revokedSixDaysAgo = session(START.plus(Duration.ofDays(3)), START.plus(Duration.ofDays(20)),
                START.minus(Duration.ofDays(6)));
        UUID active = session(START.plus(Duration.ofDays(3)), START.plus(Duration.ofDays(20)), null);

        job.run();

        assertThat(remaining()).containsExactlyInAnyOrder(expiredSixDaysAgo, revokedSixDaysAgo, active)
                .doesNotContain(expiredEightDaysAgo, absoluteEndedEightDaysAgo, revokedEightDaysAgo);
    }

    @Test
    void run_deletesMoreThanOneBatch() throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO sessions (id, user_id, token_hash, created_at, last_used_at, idle_expires_at, absolute_expires_at)
                SELECT gen_random_uuid(), ?, encode(sha256(convert_to(g::text || ?, 'UTF8')), 'hex'),
                       ?, ?, ?, ?
                FROM generate_series(1, 2500) AS g""")) {
            Instant ended = START.minus(Duration.ofDays(30));
            insert.setObject(1, user);
            insert.setString(2, user.toString());
            insert.setTimestamp(3, Timestamp.from(ended.minus(Duration.ofDays(7))));
            insert.setTimestamp(4, Timestamp.from(ended.minus(Duration.ofDays(7))));
            insert.setTimestamp(5, Timestamp.from(ended));
            insert.setTimestamp(6, Timestamp.from(ended.plus(Duration.ofDays(23))));
            insert.executeUpdate();
        }
        UUID active = session(START.plus(Duration.ofDays(3)), START.plus(Duration.ofDays(20)), null);

        job.run();

        assertThat(remaining()).containsExactly(active);
    }

    @Test
    void run_later_catchesUpWithWhatHasSinceEnded() throws SQLException {
        UUID endsTomorrow = session(START.plus(Duration.ofDays(1)), START.plus(Duration.ofDays(20)), null);
        job.run();
        assertThat(remaining()).containsExactly(endsTomorrow);

        clock.set(START.plus(Duration.ofDays(8)).plusSeconds(1));
        job.run();

        assertThat(remaining()).isEmpty();
    }

    /** A session of the test's account with the given expiries and revocation; the token hash is random. */
    private UUID session(Instant idleExpiresAt, Instant absoluteExpiresAt, Instant revokedAt) throws SQLException {
        UUID id = UUID.randomUUID();
        Instant created = absoluteExpiresAt.minus(Duration.ofDays(30));
        try (Connection connection = database.connect(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO sessions (id, user_id, token_hash, created_at, last_used_at, idle_expires_at,
                                      absolute_expires_at, revoked_at, revoke_reason)
                VALUES (?, ?, encode(sha256(convert_to(?, 'UTF8')), 'hex'), ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, id);
            insert.setObject(2, user);
            insert.setString(3, id.toString());
            insert.setTimestamp(4, Timestamp.from(created));
            insert.setTimestamp(5, Timestamp.from(created));
            insert.setTimestamp(6, Timestamp.from(idleExpiresAt));
            insert.setTimestamp(7, Timestamp.from(absoluteExpiresAt));
            insert.setTimestamp(8, revokedAt == null ? null : Timestamp.from(revokedAt));
            insert.setString(9, revokedAt == null ? null : "SIGNED_OUT");
            insert.executeUpdate();
        }
        return id;
    }

    private Set<UUID> remaining() throws SQLException {
        Set<UUID> ids = new HashSet<>();
        try (Connection connection = database.connect();
             ResultSet rows = connection.createStatement().executeQuery("SELECT id FROM sessions")) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        return ids;
    }
}
