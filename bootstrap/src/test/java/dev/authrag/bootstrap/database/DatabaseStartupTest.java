package dev.authrag.bootstrap.database;

import dev.authrag.adapter.persistence.testing.TestDatabase;
import dev.authrag.bootstrap.database.DatabaseStartup.DatabaseUnavailableException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class DatabaseStartupTest {

    @Test
    void fromEnvironment_withoutDatabaseUrl_usesTheLocalDefault() {
        DatabaseStartup startup = DatabaseStartup.fromEnvironment(Map.of());

        assertThat(startup.traffic().describe()).isEqualTo("localhost:5432/authrag");
        assertThat(startup.traffic().user()).isEqualTo("postgres");
    }

    @Test
    void fromEnvironment_withBlankDatabaseUrl_usesTheLocalDefault() {
        DatabaseStartup startup = DatabaseStartup.fromEnvironment(Map.of("DATABASE_URL", "  "));

        assertThat(startup.traffic().describe()).isEqualTo("localhost:5432/authrag");
    }

    @Test
    void micronautProperties_mapTheTrafficUrlToTheDefaultDatasource() {
        DatabaseStartup startup = DatabaseStartup.fromEnvironment(Map.of(
                "DATABASE_URL", "postgresql://app:apppw@db.example.com/app?sslmode=require"));

        assertThat(startup.micronautProperties()).containsOnly(
                entry("datasources.default.url", "jdbc:postgresql://db.example.com:5432/app?sslmode=require"),
                entry("datasources.default.username", "app"),
                entry("datasources.default.password", "apppw"),
                entry("flyway.datasources.default.enabled", true),
                entry("authrag.token.dev-mode", false));
    }

    @Test
    void micronautProperties_withoutDatabaseUrl_markDevelopmentMode() {
        assertThat(DatabaseStartup.fromEnvironment(Map.of()).micronautProperties())
                .containsEntry("authrag.token.dev-mode", true);
    }

    @Test
    void micronautProperties_withMigrationUrl_alsoMapTheFlywayDatasource() {
        DatabaseStartup startup = DatabaseStartup.fromEnvironment(Map.of(
                "DATABASE_URL", "postgresql://app:apppw@db.example.com/app",
                "DATABASE_MIGRATION_URL", "postgresql://owner:ownerpw@direct.example.com:5433/app"));

        assertThat(startup.micronautProperties()).containsOnly(
                entry("datasources.default.url", "jdbc:postgresql://db.example.com:5432/app"),
                entry("datasources.default.username", "app"),
                entry("datasources.default.password", "apppw"),
                entry("flyway.datasources.default.enabled", true),
                entry("flyway.datasources.default.url", "jdbc:postgresql://direct.example.com:5433/app"),
                entry("flyway.datasources.default.user", "owner"),
                entry("flyway.datasources.default.password", "ownerpw"),
                entry("authrag.token.dev-mode", false));
    }

    @Test
    void micronautProperties_withoutUserOrPassword_areEmptyStrings() {
        DatabaseStartup startup = DatabaseStartup.fromEnvironment(Map.of("DATABASE_URL", "postgresql://db.example.com/app"));

        assertThat(startup.micronautProperties())
                .containsEntry("datasources.default.username", "")
                .containsEntry("datasources.default.password", "");
    }

    @Test
    void fromEnvironment_withAnInvalidMigrationUrl_namesThatVariable() {
        assertThatThrownBy(() -> DatabaseStartup.fromEnvironment(Map.of(
                "DATABASE_URL", "postgresql://app@db.example.com/app",
                "DATABASE_MIGRATION_URL", "mysql://owner:ownerpw@db.example.com/app")))
                .isInstanceOf(DatabaseUrl.InvalidDatabaseUrlException.class)
                .hasMessageContaining("DATABASE_MIGRATION_URL")
                .hasMessageNotContaining("ownerpw");
    }

    @Test
    void prepare_againstAnUnreachableServer_namesTheVariableAndHostButNotThePassword() {
        DatabaseStartup startup = DatabaseStartup.fromEnvironment(Map.of("DATABASE_URL", "postgresql://u:secretpw@127.0.0.1:1/nodb"));

        assertThatThrownBy(startup::prepare)
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("DATABASE_URL")
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageContaining("DATABASE_URL=embedded")
                .hasMessageNotContaining("secretpw");
    }

    @Test
    void prepare_withAnUnreachableMigrationServer_namesTheMigrationVariable() {
        DatabaseStartup startup = DatabaseStartup.fromEnvironment(Map.of(
                "DATABASE_URL", TestDatabase.serverUrl(),
                "DATABASE_MIGRATION_URL", "postgresql://u:secretpw@127.0.0.1:1/nodb"));

        assertThatThrownBy(startup::prepare)
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("DATABASE_MIGRATION_URL")
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageNotContaining("secretpw");
    }

    /** Against the tests' server (TestDatabase): the local one, TEST_DATABASE_URL's, or the embedded one. */
    @Test
    void prepare_againstTheTestServer_succeeds() {
        DatabaseStartup startup = DatabaseStartup.fromEnvironment(Map.of("DATABASE_URL", TestDatabase.serverUrl()));

        assertThatCode(startup::prepare).doesNotThrowAnyException();
    }

    @Test
    void prepare_onAFreshDatabase_leavesFlywayOn() {
        try (TestDatabase database = TestDatabase.create("startup_fresh")) {
            DatabaseStartup startup = DatabaseStartup.fromEnvironment(Map.of("DATABASE_URL", url(database)));

            startup.prepare();

            assertThat(startup.migrationsNeeded()).isTrue();
            assertThat(startup.micronautProperties()).containsEntry("flyway.datasources.default.enabled", true);
        }
    }

    @Test
    void prepare_onAMigratedDatabase_leavesFlywayOut_andDoesNotNeedTheMigrationUrl() {
        try (TestDatabase database = TestDatabase.create("startup_migrated")) {
            Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password()).load().migrate();
            DatabaseStartup startup = DatabaseStartup.fromEnvironment(Map.of(
                    "DATABASE_URL", url(database),
                    "DATABASE_MIGRATION_URL", "postgresql://u:secretpw@127.0.0.1:1/nodb"));

            startup.prepare();

            assertThat(startup.migrationsNeeded()).isFalse();
            assertThat(startup.micronautProperties()).containsEntry("flyway.datasources.default.enabled", false);
        }
    }

    @Test
    void prepare_whenAMigrationIsMissing_leavesFlywayOn() {
        try (TestDatabase database = TestDatabase.create("startup_behind")) {
            Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password()).target("2").load().migrate();
            DatabaseStartup startup = DatabaseStartup.fromEnvironment(Map.of("DATABASE_URL", url(database)));

            startup.prepare();

            assertThat(startup.migrationsNeeded()).isTrue();
        }
    }

    private static String url(TestDatabase database) {
        return database.url();
    }
}
