package dev.authrag.bootstrap.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A PostgreSQL location as a deployer writes it: a libpq URL as Neon prints it
 * ({@code postgresql://user:pass@host/db?sslmode=require&channel_binding=require}) or a JDBC URL.
 * The password is kept apart and never part of {@link #toString()} or any message.
 *
 * @param variable the environment variable it came from, for error messages
 */
public record DatabaseUrl(String variable, String host, int port, String database, String user, String password,
                          Map<String, String> parameters) {

    public static final int DEFAULT_PORT = 5432;
    /** libpq parameter names that pgjdbc spells differently. */
    private static final Map<String, String> LIBPQ_TO_JDBC = Map.of(
            "channel_binding", "channelBinding",
            "connect_timeout", "connectTimeout",
            "application_name", "ApplicationName",
            "sslrootcert", "sslrootcert");

    /** Thrown for a value that cannot be a database URL; the message names the variable, never the value. */
    public static final class InvalidDatabaseUrlException extends RuntimeException {
        InvalidDatabaseUrlException(String message) {
            super(message, null, false, false);
        }
    }

    public static DatabaseUrl parse(String variable, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidDatabaseUrlException(variable + " is empty");
        }
        String trimmed = value.strip();
        String libpq;
        if (trimmed.startsWith("jdbc:postgresql://")) {
            libpq = "postgresql://" + trimmed.substring("jdbc:postgresql://".length());
        } else if (trimmed.startsWith("postgresql://") || trimmed.startsWith("postgres://")) {
            libpq = trimmed;
        } else {
            throw new InvalidDatabaseUrlException(variable + " must start with postgresql://, postgres:// or jdbc:postgresql://");
        }
        URI uri;
        try {
            uri = new URI(libpq);
        } catch (URISyntaxException e) {
            throw new InvalidDatabaseUrlException(variable + " is not a valid URL (check that special characters in the password are percent-encoded)");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new InvalidDatabaseUrlException(variable + " has no host");
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String database = decode(path.startsWith("/") ? path.substring(1) : path);
        if (database.isBlank() || database.contains("/")) {
            throw new InvalidDatabaseUrlException(variable + " names no database (expected .../<database>)");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String val = eq < 0 ? "" : decode(pair.substring(eq + 1));
                parameters.put(LIBPQ_TO_JDBC.getOrDefault(key, key), val);
            }
        }
        String user = parameters.remove("user");
        String password = parameters.remove("password");
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? password : decode(info.substring(colon + 1));
        }
        return new DatabaseUrl(variable, host, port, database, user, password, Collections.unmodifiableMap(parameters));
    }

    /** The JDBC URL without credentials (they travel as separate properties). */
    public String jdbcUrl() {
        return jdbcUrlFor(database);
    }

    /** The same server, another database (the maintenance database, to create ours). */
    public String jdbcUrlFor(String otherDatabase) {
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(hostPart).append(':').append(port)
                .append('/').append(encode(otherDatabase));
        List<String> query = new ArrayList<>();
        parameters.forEach((key, val) -> query.add(encode(key) + "=" + encode(val)));
        if (!query.isEmpty()) {
            url.append('?').append(String.join("&", query));
        }
        return url.toString();
    }

    public Optional<String> passwordValue() {
        return Optional.ofNullable(password);
    }

    /** host:port/database, for messages: never the user's password. */
    public String describe() {
        return host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + variable + " -> " + describe() + "]";
    }

    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
