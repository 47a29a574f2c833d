package dev.authrag.adapter.persistence.ratelimit;

import dev.authrag.application.ratelimit.RateLimiter;
import dev.authrag.domain.ratelimit.Admission;
import dev.authrag.domain.ratelimit.BucketKey;
import dev.authrag.domain.ratelimit.Quota;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * {@link RateLimiter} on PostgreSQL: each attempt is one {@code INSERT ... ON CONFLICT DO UPDATE}, which takes the
 * bucket's row lock and works on its latest committed version, so concurrent attempts from every instance are
 * serialised per bucket and none is admitted beyond the quota. The admission rule itself is {@link Quota}'s: the
 * statement only compares with the horizon and adds the interval the quota computed.
 * <p>
 * It runs on its own pooled connection in auto-commit, outside any transaction of the caller: an attempt counts
 * even when the use case that follows fails or rolls back.
 */
@Singleton
public class JdbcRateLimiter implements RateLimiter {

    private static final String ACQUIRE = """
            INSERT INTO rate_limit_buckets AS b (bucket, subject_hash, tat, admitted)
            VALUES (?, ?, CAST(? AS timestamptz) + CAST(? AS bigint) * INTERVAL '1 microsecond', true)
            ON CONFLICT (bucket, subject_hash) DO UPDATE SET
                tat = CASE WHEN GREATEST(b.tat, CAST(? AS timestamptz)) <= CAST(? AS timestamptz)
                           THEN GREATEST(b.tat, CAST(? AS timestamptz)) + CAST(? AS bigint) * INTERVAL '1 microsecond'
                           ELSE b.tat END,
                admitted = GREATEST(b.tat, CAST(? AS timestamptz)) <= CAST(? AS timestamptz)
            RETURNING tat, admitted""";

    private static final String PURGE = "DELETE FROM rate_limit_buckets WHERE tat <= ?";

    private final DataSource dataSource;

    JdbcRateLimiter(DataSource dataSource, DataSourceResolver resolver) {
        // the pool itself, not Micronaut Data's contextual wrapper, which needs a surrounding transaction
        this.dataSource = resolver.resolve(dataSource);
    }

    @Override
    public Admission acquire(BucketKey key, Quota quota, Instant now) {
        OffsetDateTime at = utc(now);
        OffsetDateTime horizon = utc(quota.horizon(now));
        long intervalMicros = quota.interval().toNanos() / 1_000;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(ACQUIRE)) {
            statement.setString(1, key.bucket().policyName());
            statement.setString(2, key.subjectHash());
            statement.setObject(3, at);
            statement.setLong(4, intervalMicros);
            statement.setObject(5, at);
            statement.setObject(6, horizon);
            statement.setObject(7, at);
            statement.setLong(8, intervalMicros);
            statement.setObject(9, at);
            statement.setObject(10, horizon);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                Instant tat = row.getObject("tat", OffsetDateTime.class).toInstant();
                return quota.admission(key.bucket(), row.getBoolean("admitted"), tat, now);
            }
        } catch (SQLException e) {
            throw new DataAccessException("rate-limit bucket " + key + " could not be updated: " + e.getMessage(), e);
        }
    }

    /** Deletes every bucket that has refilled completely by {@code now}; such a row says nothing an absent one would not. */
    public int purgeRefilled(Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(PURGE)) {
            statement.setObject(1, utc(now));
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("rate-limit buckets could not be purged: " + e.getMessage(), e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
