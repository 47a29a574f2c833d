package dev.authrag.adapter.persistence.migration;

import dev.authrag.adapter.persistence.migration.SchemaState.Migration;
import dev.authrag.adapter.persistence.migration.SchemaState.Verdict;
import dev.authrag.adapter.persistence.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link SchemaState} against real PostgreSQL, with Flyway itself as the oracle for versions and checksums. */
class SchemaStateTest {

    private TestDatabase database;

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.create("schema_state");
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    private Flyway flyway() {
        return Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password()).load();
    }

    private Verdict check() throws SQLException {
        try (Connection connection = database.connect()) {
            return SchemaState.check(connection);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void packaged_listsWhatFlywayResolves_withFlywaysOwnChecksums() {
        List<Migration> fromFlyway = Arrays.stream(flyway().info().all())
                .map(info -> new Migration(info.getVersion().getVersion(), info.getDescription(), info.getChecksum()))
                .toList();

        assertThat(SchemaState.packaged()).isNotEmpty().containsExactlyElementsOf(fromFlyway);
    }

    @Test
    void aFreshDatabase_needsMigrating() throws SQLException {
        assertThat(check()).isEqualTo(new Verdict(false, "no schema history"));
    }

    @Test
    void afterFlywayMigrated_theSchemaIsUpToDate() throws SQLException {
        flyway().migrate();

        Verdict verdict = check();

        assertThat(verdict.upToDate()).isTrue();
        List<Migration> packaged = SchemaState.packaged();
        assertThat(verdict.reason()).contains(packaged.size() + " migrations")
                .contains(packaged.get(packaged.size() - 1).version());
    }

    @Test
    void aMigrationNotYetApplied_needsMigrating() throws SQLException {
        List<Migration> packaged = SchemaState.packaged();
        String latest = packaged.get(packaged.size() - 1).version();
        Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password())
                .target(packaged.get(packaged.size() - 2).version()).load().migrate();

        assertThat(check()).isEqualTo(new Verdict(false, "migration " + latest + " is not applied yet"));
    }

    @Test
    void anEditedMigration_needsMigrating_soFlywayValidationSeesIt() throws SQLException {
        flyway().migrate();
        execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '3'");

        assertThat(check()).isEqualTo(new Verdict(false, "migration 3 differs from the one applied"));
    }

    @Test
    void aRenamedMigration_needsMigrating() throws SQLException {
        flyway().migrate();
        execute("UPDATE flyway_schema_history SET description = 'something else' WHERE version = '2'");

        assertThat(check().upToDate()).isFalse();
    }

    @Test
    void aFailedMigration_needsMigrating() throws SQLException {
        flyway().migrate();
        execute("UPDATE flyway_schema_history SET success = false WHERE version = '1'");

        assertThat(check()).isEqualTo(new Verdict(false, "migration 1 failed earlier"));
    }

    @Test
    void aHistoryFromANewerBuild_needsMigrating_soFlywayDecides() throws SQLException {
        flyway().migrate();
        execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success) "
                + "VALUES (100, '999', 'from the future', 'SQL', 'V999__from_the_future.sql', 1, 'postgres', 1, true)");

        assertThat(check()).isEqualTo(new Verdict(false, "migration 999 is applied but not part of this build"));
    }

    @Test
    void versionsAreOrderedNumerically_asFlywayOrdersThem() {
        List<String> versions = new ArrayList<>(SchemaState.packaged().stream().map(Migration::version).toList());
        List<String> fromFlyway = Arrays.stream(flyway().info().all()).map(MigrationInfo::getVersion)
                .map(version -> version.getVersion()).toList();

        assertThat(versions).containsExactlyElementsOf(fromFlyway).contains("10");
    }
}
