package dev.authrag.bootstrap.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What runs before the application context: reads {@code DATABASE_URL} and {@code DATABASE_MIGRATION_URL},
 * creates the default local database when none is configured, and checks that the server answers, so that a
 * wrong URL ends start-up with one clear line instead of a stack trace.
 */
public final class DatabaseStartup {

    public static final String DATABASE_URL = "DATABASE_URL";
    public static final String DATABASE_MIGRATION_URL = "DATABASE_MIGRATION_URL";
    public static final String LOCAL_DEFAULT = "postgresql://postgres@localhost:5432/authrag";
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    /** Start-up cannot go on; the message names the variable and host, never a password. */
    public static final class DatabaseUnavailableException extends RuntimeException {
        DatabaseUnavailableException(String message) {
            super(message, null, false, false);
        }
    }

    private final DatabaseUrl traffic;
    private final DatabaseUrl migrations;
    private final boolean localDefault;

    private DatabaseStartup(DatabaseUrl traffic, DatabaseUrl migrations, boolean localDefault) {
        this.traffic = traffic;
        this.migrations = migrations;
        this.localDefault = localDefault;
    }

    public static DatabaseStartup fromEnvironment(Map<String, String> env) {
        String url = env.get(DATABASE_URL);
        boolean localDefault = url == null || url.isBlank();
        DatabaseUrl traffic = DatabaseUrl.parse(DATABASE_URL, localDefault ? LOCAL_DEFAULT : url);
        String migrationUrl = env.get(DATABASE_MIGRATION_URL);
        DatabaseUrl migrations = migrationUrl == null || migrationUrl.isBlank()
                ? null : DatabaseUrl.parse(DATABASE_MIGRATION_URL, migrationUrl);
        return new DatabaseStartup(traffic, migrations, localDefault);
    }

    /** Creates the local default database if needed, then proves both URLs reach a server. */
    public void prepare() {
        if (localDefault) {
            createIfMissing(traffic);
        }
        probe(traffic);
        if (migrations != null) {
            probe(migrations);
        }
    }

    /** The datasource and Flyway properties handed to Micronaut. */
    public Map<String, Object> micronautProperties() {
        Map<String, Object> properties = new HashMap<>();
        // no DATABASE_URL: a developer's machine, where a missing AUTH_SECRET is tolerated with a warning
        properties.put("authrag.token.dev-mode", localDefault);
        properties.put("datasources.default.url", traffic.jdbcUrl());
        properties.put("datasources.default.username", traffic.user() == null ? "" : traffic.user());
        properties.put("datasources.default.password", traffic.passwordValue().orElse(""));
        if (migrations != null) {
            properties.put("flyway.datasources.default.url", migrations.jdbcUrl());
            properties.put("flyway.datasources.default.user", migrations.user() == null ? "" : migrations.user());
            properties.put("flyway.datasources.default.password", migrations.passwordValue().orElse(""));
        }
        return properties;
    }

    public DatabaseUrl traffic() {
        return traffic;
    }

    private static void probe(DatabaseUrl url) {
        try (Connection connection = connect(url, url.jdbcUrl()); Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Cannot reach the database of " + url.variable() + " at "
                    + url.describe() + ": " + reason(e));
        }
    }

    private static void createIfMissing(DatabaseUrl url) {
        try (Connection connection = connect(url, url.jdbcUrlFor("postgres"));
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, url.database());
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + url.database().replace("\"", "\"\"") + "\"");
            }
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) {
                return; // created concurrently by another instance
            }
            throw new DatabaseUnavailableException("Cannot create the local database " + url.describe()
                    + " (no " + DATABASE_URL + " set): " + reason(e));
        }
    }

    private static Connection connect(DatabaseUrl url, String jdbcUrl) throws SQLException {
        Properties properties = new Properties();
        if (url.user() != null) {
            properties.setProperty("user", url.user());
        }
        url.passwordValue().ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    /** The driver's words without anything that could carry a credential. */
    private static String reason(SQLException e) {
        String state = e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")";
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return message.replaceAll("(?i)password=[^&\\s]*", "password=***") + state;
    }
}
