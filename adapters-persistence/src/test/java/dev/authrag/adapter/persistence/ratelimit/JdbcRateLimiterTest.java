package dev.authrag.adapter.persistence.ratelimit;

import dev.authrag.adapter.persistence.testing.OnTestDatabase;
import dev.authrag.adapter.persistence.testing.TestDatabase;
import dev.authrag.application.ratelimit.RateLimiter;
import dev.authrag.application.ratelimit.RateLimiterContract;
import dev.authrag.domain.ratelimit.Bucket;
import dev.authrag.domain.ratelimit.BucketKey;
import dev.authrag.domain.ratelimit.Quota;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@link RateLimiter} contract against PostgreSQL with the real migrations, plus what only the table shows. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcRateLimiterTest extends RateLimiterContract implements OnTestDatabase {

    private final TestDatabase database = TestDatabase.create("ratelimit");

    @Inject
    JdbcRateLimiter jdbcRateLimiter;

    @Override
    public TestDatabase database() {
        return database;
    }

    @Override
    protected RateLimiter limiter() {
        return jdbcRateLimiter;
    }

    @Test
    void theTable_keepsOnlyTheHashOfTheSubject() throws Exception {
        String email = "stored-" + System.nanoTime() + "@example.com";
        jdbcRateLimiter.acquire(BucketKey.of(Bucket.SIGNIN_EMAIL, email), TEN_PER_FIVE_MINUTES, T0);

        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM rate_limit_buckets")) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    values.add(rows.getString(column));
                }
            }
            assertThat(values).contains(BucketKey.of(Bucket.SIGNIN_EMAIL, email).subjectHash(), "signin-email");
            assertThat(values).noneMatch(value -> value != null && value.contains("stored-"));
        }
    }

    @Test
    void purge_deletesBucketsThatHaveRefilled_andKeepsThoseStillLimiting() throws Exception {
        Quota oneMinute = new Quota(5, Duration.ofMinutes(1));
        Quota oneHour = new Quota(5, Duration.ofHours(1));
        BucketKey shortLived = freshKey(Bucket.SIGNIN_EMAIL);
        BucketKey drained = freshKey(Bucket.REGISTER_IP);
        jdbcRateLimiter.acquire(shortLived, oneMinute, T0);
        for (int i = 0; i < 5; i++) {
            jdbcRateLimiter.acquire(drained, oneHour, T0);
        }

        int purged = jdbcRateLimiter.purgeRefilled(T0.plus(Duration.ofMinutes(30)));

        assertThat(purged).isPositive();
        assertThat(rowExists(shortLived)).isFalse();
        assertThat(rowExists(drained)).isTrue();
        assertThat(jdbcRateLimiter.acquire(drained, oneHour, T0.plus(Duration.ofMinutes(30))).remaining())
                .as("2.5 intervals refilled, one used: the drained bucket kept its state").isEqualTo(1);
    }

    @Test
    void purge_ofABucketAtTheMomentItRefills_isTheSameAsKeepingIt() {
        Quota quota = new Quota(3, Duration.ofMinutes(3));
        BucketKey key = freshKey(Bucket.SIGNIN_IP);
        jdbcRateLimiter.acquire(key, quota, T0);

        jdbcRateLimiter.purgeRefilled(T0.plus(Duration.ofMinutes(1)));

        assertThat(jdbcRateLimiter.acquire(key, quota, T0.plus(Duration.ofMinutes(1))).remaining()).isEqualTo(2);
    }

    private boolean rowExists(BucketKey key) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM rate_limit_buckets WHERE subject_hash = '"
                     + key.subjectHash() + "'")) {
            rows.next();
            return rows.getInt(1) == 1;
        }
    }
}
