package dev.authrag.bootstrap.database;

import com.zaxxer.hikari.HikariDataSource;
import dev.authrag.bootstrap.support.HttpTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pool's connections carry the time-outs of application.yml: without a socket time-out a connection left
 * half-open by a network failure would hold its request forever (the outage itself: DatabaseOutageUnderLoadTest).
 */
@MicronautTest(transactional = false)
class DatabaseTimeoutsTest extends HttpTestSupport {

    @Inject
    DataSource dataSource;

    @Test
    void pooledConnections_giveUpOnASilentSocketAfter30Seconds() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        // strings, under their own names: HikariCP passes values through untouched and pgjdbc ignores non-strings
        assertThat(pool.getDataSourceProperties()).containsEntry("socketTimeout", "30").containsEntry("connectTimeout", "5");
        try (Connection connection = pool.getConnection()) {
            assertThat(connection.getNetworkTimeout()).isEqualTo(30_000);
        }
    }

    @Test
    void aRequestWaitsAtMostThreeSecondsForAConnection() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        assertThat(pool.getConnectionTimeout()).isEqualTo(3_000);
        assertThat(pool.getValidationTimeout()).isEqualTo(2_000);
    }
}
