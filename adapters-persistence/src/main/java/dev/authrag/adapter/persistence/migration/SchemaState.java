package dev.authrag.adapter.persistence.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Whether a database already holds exactly the migrations packaged with this build, so that start-up can leave
 * Flyway (and the ~300 ms its classes and checks cost) out when there is nothing to do.
 *
 * <p>"Up to date" means: {@code flyway_schema_history} lists every packaged migration, in order, applied
 * successfully, with the version, description and checksum Flyway itself would compute for the file, and nothing
 * else. Anything different (a fresh database, a new migration, an edited file, a failed or unknown row, a history
 * written by a newer build) answers "migrate", and Flyway then runs as it always did, with its own validation and
 * its lock. A wrong answer here can only cost time, never skip a migration that is needed.
 */
public final class SchemaState {

    /** Where Flyway finds the migrations (its default location, which this service uses). */
    static final String LOCATION = "db/migration/";
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.+)\\.sql");

    /** A versioned SQL migration: what Flyway records about it in its history table. */
    public record Migration(String version, String description, int checksum) {
    }

    /** The answer, with the reason in words for the start-up log. */
    public record Verdict(boolean upToDate, String reason) {
    }

    private SchemaState() {
    }

    /** The versioned migrations packaged with this build, in version order. */
    public static List<Migration> packaged() {
        List<Migration> migrations = new ArrayList<>();
        for (String name : migrationFileNames()) {
            Matcher matcher = VERSIONED.matcher(name);
            if (!matcher.matches()) {
                continue;
            }
            String version = matcher.group(1).replace('_', '.');
            String description = matcher.group(2).replace('_', ' ');
            migrations.add(new Migration(version, description, checksum(LOCATION + name)));
        }
        migrations.sort(Comparator.comparing(Migration::version, SchemaState::compareVersions));
        return migrations;
    }

    /** Compares the database's Flyway history with {@link #packaged()}. */
    public static Verdict check(Connection connection) throws SQLException {
        return check(connection, packaged());
    }

    static Verdict check(Connection connection, List<Migration> packaged) throws SQLException {
        List<Migration> applied = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT version, description, type, checksum, success FROM flyway_schema_history ORDER BY installed_rank")) {
            while (rows.next()) {
                String version = rows.getString("version");
                int checksum = rows.getInt("checksum");
                boolean noChecksum = rows.wasNull();
                if (!rows.getBoolean("success")) {
                    return new Verdict(false, "migration " + version + " failed earlier");
                }
                if (version == null || noChecksum || !"SQL".equals(rows.getString("type"))) {
                    return new Verdict(false, "the history holds a " + rows.getString("type") + " entry");
                }
                applied.add(new Migration(version, rows.getString("description"), checksum));
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) { // undefined_table: nothing was ever migrated here
                return new Verdict(false, "no schema history");
            }
            throw e;
        }
        for (int i = 0; i < Math.max(applied.size(), packaged.size()); i++) {
            if (i >= applied.size()) {
                return new Verdict(false, "migration " + packaged.get(i).version() + " is not applied yet");
            }
            if (i >= packaged.size()) {
                return new Verdict(false, "migration " + applied.get(i).version() + " is applied but not part of this build");
            }
            Migration expected = packaged.get(i);
            Migration actual = applied.get(i);
            if (!expected.equals(actual)) {
                return new Verdict(false, "migration " + expected.version() + " differs from the one applied");
            }
        }
        String latest = packaged.isEmpty() ? "none" : packaged.get(packaged.size() - 1).version();
        return new Verdict(true, packaged.size() + " migrations applied, latest " + latest);
    }

    /**
     * Flyway's checksum of a SQL migration (its {@code ChecksumCalculator}): CRC32 over the UTF-8 bytes of each line
     * without its line break, a byte-order mark removed from the first.
     */
    static int checksum(String resource) {
        CRC32 crc = new CRC32();
        try (InputStream in = Objects.requireNonNull(SchemaState.class.getClassLoader().getResourceAsStream(resource), resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096)) {
            String line = reader.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            while (line != null) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
                line = reader.readLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return (int) crc.getValue();
    }

    /** File names under {@link #LOCATION} in the jar or class folder this class was loaded from. */
    private static List<String> migrationFileNames() {
        URL location = SchemaState.class.getProtectionDomain().getCodeSource().getLocation();
        List<String> names = new ArrayList<>();
        try {
            Path path = Path.of(location.toURI());
            if (Files.isDirectory(path)) {
                Path folder = path.resolve(LOCATION);
                if (Files.isDirectory(folder)) {
                    try (Stream<Path> files = Files.list(folder)) {
                        files.forEach(file -> names.add(file.getFileName().toString()));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(path.toFile())) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String name = entries.nextElement().getName();
                        if (name.startsWith(LOCATION) && name.length() > LOCATION.length()
                                && name.indexOf('/', LOCATION.length()) < 0) {
                            names.add(name.substring(LOCATION.length()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + LOCATION + " in " + location, e);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot list " + LOCATION + " in " + location, e);
        }
        return names;
    }

    /** Flyway's version order: numeric parts compared as numbers (1 < 2 < 10). */
    private static int compareVersions(String left, String right) {
        String[] a = left.split("\\.");
        String[] b = right.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            long x = i < a.length ? Long.parseLong(a[i]) : 0;
            long y = i < b.length ? Long.parseLong(b[i]) : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        return 0;
    }
}
