package dev.authrag.adapter.persistence.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A throw-away PostgreSQL database for one test class: created on the test server from its maintenance database,
 * handed to Micronaut as datasource properties, dropped (with FORCE) on close.
 * <p>
 * The test server, chosen once per test JVM: {@code TEST_DATABASE_URL} when set (a libpq or JDBC URL naming the
 * maintenance database, with a password if the server wants one: {@code postgresql://me:secret@127.0.0.1:5432/postgres});
 * else 127.0.0.1:5432 as {@code postgres} without a password when something answers there; else one embedded
 * PostgreSQL for the whole JVM (never as root: PostgreSQL refuses). {@code TEST_DATABASE_URL=embedded} forces that one.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String VARIABLE = "TEST_DATABASE_URL";
    private static final Server SERVER = Server.choose(System.getenv(VARIABLE));

    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    public static TestDatabase create(String purpose) {
        String name = ("authrag_test_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        admin("CREATE DATABASE " + name);
        return new TestDatabase(name);
    }

    /** Which server the tests use, for a test that must know (the embedded one runs only here). */
    public static String serverDescription() {
        return SERVER.description();
    }

    /** The maintenance database of the test server as a libpq URL, credentials included. */
    public static String serverUrl() {
        return SERVER.libpqUrl(SERVER.maintenanceDatabase());
    }

    public String name() {
        return name;
    }

    public String host() {
        return SERVER.host();
    }

    public int port() {
        return SERVER.port();
    }

    public String user() {
        return SERVER.user();
    }

    public String password() {
        return SERVER.password();
    }

    public String jdbcUrl() {
        return SERVER.jdbcUrl(name);
    }

    /** This database as a libpq URL with its credentials, as a deployer writes DATABASE_URL. */
    public String url() {
        return SERVER.libpqUrl(name);
    }

    /** Datasource and Flyway settings for a Micronaut context on this database. */
    public Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("datasources.default.url", jdbcUrl());
        properties.put("datasources.default.username", user());
        properties.put("datasources.default.password", password());
        properties.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        properties.put("datasources.default.dialect", "POSTGRES");
        properties.put("datasources.default.maximum-pool-size", "10");
        properties.put("flyway.datasources.default.enabled", "true");
        return properties;
    }

    /** A plain connection for assertions that must not go through the code under test. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user(), password());
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER.jdbcUrl(SERVER.maintenanceDatabase()),
                SERVER.user(), SERVER.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database (" + SERVER.description() + "): " + sql + " failed: "
                    + e.getMessage(), e);
        }
    }

    private record Server(String host, int port, String user, String password, String maintenanceDatabase,
                          String description) {

        private static final String LOCAL_HOST = "127.0.0.1";
        private static final int LOCAL_PORT = 5432;

        static Server choose(String configured) {
            if (configured != null && !configured.isBlank() && !configured.strip().equalsIgnoreCase("embedded")) {
                return parse(configured.strip());
            }
            if ((configured == null || configured.isBlank()) && answers(LOCAL_HOST, LOCAL_PORT)) {
                return new Server(LOCAL_HOST, LOCAL_PORT, "postgres", "", "postgres",
                        "the local server on " + LOCAL_HOST + ":" + LOCAL_PORT);
            }
            return Embedded.start();
        }

        static Server parse(String value) {
            String libpq = value.startsWith("jdbc:") ? value.substring("jdbc:".length()) : value;
            URI uri = URI.create(libpq.replaceFirst("^postgres://", "postgresql://"));
            if (!"postgresql".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalStateException(VARIABLE + " must be postgresql://user[:password]@host[:port]/database "
                        + "(or embedded)");
            }
            String user = "postgres";
            String password = "";
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = decode(parts[0]);
                password = parts.length > 1 ? decode(parts[1]) : "";
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
            String database = path.isEmpty() ? "postgres" : decode(path);
            int port = uri.getPort() == -1 ? LOCAL_PORT : uri.getPort();
            return new Server(uri.getHost(), port, user, password, database,
                    VARIABLE + " (" + uri.getHost() + ":" + port + ")");
        }

        String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        String libpqUrl(String database) {
            String credentials = encode(user) + (password.isEmpty() ? "" : ":" + encode(password));
            return "postgresql://" + credentials + "@" + host + ":" + port + "/" + database;
        }

        private static boolean answers(String host, int port) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        private static String decode(String value) {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    /** One embedded PostgreSQL per test JVM, stopped (and its data deleted) when the JVM exits. */
    private static final class Embedded {

        static Server start() {
            if (isRoot()) {
                throw new IllegalStateException("No PostgreSQL answers on 127.0.0.1:5432 and the embedded one cannot run "
                        + "as root (PostgreSQL refuses to): run the tests as a normal user, start a server on "
                        + "127.0.0.1:5432, or set " + VARIABLE + "=postgresql://user:password@host:port/postgres");
            }
            try {
                // the binaries are unpacked once per user, into a folder only that user can write
                Path binaries = Path.of(System.getProperty("java.io.tmpdir"),
                        "authrag-test-postgres-" + System.getProperty("user.name"));
                if (!Files.isDirectory(binaries)) {
                    Files.createDirectories(binaries,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                }
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(binaries.toFile())
                        .setServerConfig("max_connections", "300")
                        .start();
                return new Server("localhost", postgres.getPort(), "postgres", "", "postgres",
                        "an embedded PostgreSQL on port " + postgres.getPort());
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL for the tests did not start", e);
            }
        }

        private static boolean isRoot() {
            try {
                return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
            } catch (LinkageError | RuntimeException e) {
                return false;
            }
        }
    }
}
