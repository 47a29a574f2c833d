package dev.authrag.bootstrap.database;

import dev.authrag.adapter.persistence.migration.SchemaState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;

/**
 * What runs before the application context: reads {@code DATABASE_URL} and {@code DATABASE_MIGRATION_URL},
 * creates the default local database when none is configured, and checks that the server answers, so that a
 * wrong URL ends start-up with one clear line instead of a stack trace. It also reads Flyway's history: when the
 * database already holds exactly this build's migrations, Flyway is left out of the start-up (see {@link SchemaState}).
 * <p>
 * {@code DATABASE_URL=embedded} runs an embedded PostgreSQL with its data in {@code AUTHRAG_HOME} (default
 * {@code ~/.authrag}); with no {@code DATABASE_URL} at all, a server on localhost:5432 is used when one answers, and
 * the embedded one otherwise. A build without the embedded PostgreSQL (the production image) says so instead.
 */
public final class DatabaseStartup {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseStartup.class);

    public static final String DATABASE_URL = "DATABASE_URL";
    public static final String DATABASE_MIGRATION_URL = "DATABASE_MIGRATION_URL";
    public static final String LOCAL_DEFAULT = "postgresql://postgres@localhost:5432/authrag";
    public static final String EMBEDDED = "embedded";
    public static final String AUTHRAG_HOME = "AUTHRAG_HOME";
    private static final int CONNECT_TIMEOUT_SECONDS = 10;
    /** How long the local default server gets to accept a TCP connection before the embedded one is started. */
    private static final int LOCAL_PROBE_MILLIS = 500;
    private static final String EMBEDDED_CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    /** Start-up cannot go on; the message names the variable and host, never a password. */
    public static final class DatabaseUnavailableException extends RuntimeException {
        DatabaseUnavailableException(String message) {
            super(message, null, false, false);
        }
    }

    private DatabaseUrl traffic;
    private final DatabaseUrl migrations;
    private final boolean localDefault;
    private final boolean embeddedRequested;
    private final Path home;
    private EmbeddedDatabase embedded;
    private boolean migrationsNeeded = true;

    private DatabaseStartup(DatabaseUrl traffic, DatabaseUrl migrations, boolean localDefault, boolean embeddedRequested,
                            Path home) {
        this.traffic = traffic;
        this.migrations = migrations;
        this.localDefault = localDefault;
        this.embeddedRequested = embeddedRequested;
        this.home = home;
    }

    public static DatabaseStartup fromEnvironment(Map<String, String> env) {
        String url = env.get(DATABASE_URL);
        boolean localDefault = url == null || url.isBlank();
        boolean embeddedRequested = !localDefault && url.strip().equalsIgnoreCase(EMBEDDED);
        DatabaseUrl traffic = DatabaseUrl.parse(DATABASE_URL, localDefault || embeddedRequested ? LOCAL_DEFAULT : url);
        String migrationUrl = env.get(DATABASE_MIGRATION_URL);
        DatabaseUrl migrations = migrationUrl == null || migrationUrl.isBlank()
                ? null : DatabaseUrl.parse(DATABASE_MIGRATION_URL, migrationUrl);
        String homeValue = env.get(AUTHRAG_HOME);
        Path home = homeValue == null || homeValue.isBlank()
                ? Path.of(System.getProperty("user.home"), ".authrag") : Path.of(homeValue.strip());
        return new DatabaseStartup(traffic, migrations, localDefault, embeddedRequested, home.toAbsolutePath().normalize());
    }

    /**
     * Starts the embedded PostgreSQL when asked to (or when there is no DATABASE_URL and nothing answers on
     * localhost:5432), creates the local default database if needed, proves {@code DATABASE_URL} reaches a server
     * and reads whether migrations are due; only then is {@code DATABASE_MIGRATION_URL} needed, and probed.
     */
    public void prepare() {
        if (embeddedRequested) {
            startEmbedded(DATABASE_URL + "=" + EMBEDDED);
        } else if (localDefault && !answers(traffic)) {
            if (!embeddedIncluded()) {
                throw new DatabaseUnavailableException("No " + DATABASE_URL + " is set and nothing answers on "
                        + traffic.host() + ":" + traffic.port() + ", and this build has no embedded PostgreSQL "
                        + "(it was built with -Dembedded-postgres=false). Set " + DATABASE_URL + " to a PostgreSQL server.");
            }
            startEmbedded("no " + DATABASE_URL + " is set and nothing answers on " + traffic.host() + ":" + traffic.port());
        }
        if (localDefault || embedded != null) {
            createIfMissing(traffic);
        }
        migrationsNeeded = probeAndCheckSchema(traffic);
        if (migrations != null && migrationsNeeded) {
            probe(migrations);
        }
    }

    /**
     * With an embedded PostgreSQL: it is stopped once this context has stopped (at JVM shutdown, after the pool).
     * Without one, nothing happens.
     */
    public void stopEmbeddedAfter(BooleanSupplier contextRunning) {
        if (embedded != null) {
            embedded.stopAfter(contextRunning);
        }
    }

    /** False once {@link #prepare()} found this build's migrations all applied: Flyway is not started. */
    public boolean migrationsNeeded() {
        return migrationsNeeded;
    }

    /** The datasource and Flyway properties handed to Micronaut. */
    public Map<String, Object> micronautProperties() {
        Map<String, Object> properties = new HashMap<>();
        // no DATABASE_URL, or the embedded PostgreSQL: a developer's machine, where a missing AUTH_SECRET is tolerated
        // with a warning
        properties.put("authrag.token.dev-mode", localDefault || embeddedRequested);
        properties.put("datasources.default.url", traffic.jdbcUrl());
        properties.put("datasources.default.username", traffic.user() == null ? "" : traffic.user());
        properties.put("datasources.default.password", traffic.passwordValue().orElse(""));
        properties.put("flyway.datasources.default.enabled", migrationsNeeded);
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

    private static boolean probeAndCheckSchema(DatabaseUrl url) {
        try (Connection connection = connect(url, url.jdbcUrl())) {
            SchemaState.Verdict schema;
            try {
                schema = SchemaState.check(connection);
            } catch (SQLException | RuntimeException e) {
                schema = new SchemaState.Verdict(false, "its history could not be read (" + e.getClass().getSimpleName() + ")");
            }
            if (schema.upToDate()) {
                LOG.info("Database schema is up to date ({}): Flyway is not started", schema.reason());
            } else {
                LOG.info("Database schema needs Flyway: {}", schema.reason());
            }
            return !schema.upToDate();
        } catch (SQLException e) {
            throw unreachable(url, e);
        }
    }

    private static void probe(DatabaseUrl url) {
        try (Connection connection = connect(url, url.jdbcUrl()); Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        } catch (SQLException e) {
            throw unreachable(url, e);
        }
    }

    private void startEmbedded(String why) {
        if (!embeddedIncluded()) {
            throw new DatabaseUnavailableException(DATABASE_URL + "=" + EMBEDDED + " needs the embedded PostgreSQL, and "
                    + "this build has none (it was built with -Dembedded-postgres=false). Set " + DATABASE_URL
                    + " to a PostgreSQL server.");
        }
        long started = System.nanoTime();
        embedded = EmbeddedDatabase.start(home);
        traffic = DatabaseUrl.parse(DATABASE_URL, embedded.url());
        LOG.info("Embedded PostgreSQL started in {} ms ({}), its data in {}", (System.nanoTime() - started) / 1_000_000,
                why, embedded.dataDirectory());
    }

    /** Whether the build put the embedded PostgreSQL into the jar (the production build leaves it out). */
    static boolean embeddedIncluded() {
        try {
            Class.forName(EMBEDDED_CLASS, false, DatabaseStartup.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Whether anything accepts a TCP connection at the URL's host and port, within a short time. */
    private static boolean answers(DatabaseUrl url) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.host(), url.port()), LOCAL_PROBE_MILLIS);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static DatabaseUnavailableException unreachable(DatabaseUrl url, SQLException e) {
        return new DatabaseUnavailableException("Cannot reach the database of " + url.variable() + " at "
                + url.describe() + ": " + reason(e) + ". Check " + url.variable()
                + (embeddedIncluded() ? ", or set " + DATABASE_URL + "=" + EMBEDDED + " to run an embedded PostgreSQL for local use." : "."));
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
                    + " (no " + DATABASE_URL + " set): " + reason(e) + ". Set " + DATABASE_URL + " to reach that server "
                    + "(postgresql://user:password@localhost:5432/authrag), or " + DATABASE_URL + "=" + EMBEDDED
                    + " to run an embedded PostgreSQL for local use.");
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
