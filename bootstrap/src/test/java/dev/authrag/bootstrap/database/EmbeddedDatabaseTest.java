package dev.authrag.bootstrap.database;

import dev.authrag.bootstrap.Application;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * DATABASE_URL=embedded, through the real main in a child JVM: as a normal user the service keeps its data in
 * AUTHRAG_HOME across a restart and stops PostgreSQL with itself; as root it stops at once with one line. CI runs as
 * root, so .ci/run also takes the normal-user path (runuser) with the built jar.
 */
class EmbeddedDatabaseTest {

    private static final String CREDENTIALS = "{\"email\":\"ada@example.com\",\"password\":\"correct horse battery\"}";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path home;

    @Test
    void asRoot_stopsStartUpWithOneLine_andExit2() throws Exception {
        assumeTrue(EmbeddedDatabase.RootUser.isRoot(), "runs as root only (CI)");

        Process process = start(freePort(), home.resolve("service.log"));

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(home.resolve("service.log"), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(log).isEqualTo(2);
        assertThat(log).contains("The embedded PostgreSQL cannot run as root").contains("DATABASE_URL")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(log.lines().filter(line -> !line.isBlank())).hasSize(1);
    }

    @Test
    void asANormalUser_keepsTheDataAcrossARestart_andStopsPostgresWithTheService() throws Exception {
        assumeFalse(EmbeddedDatabase.RootUser.isRoot(), "PostgreSQL refuses to run as root");

        int port = freePort();
        Process first = start(port, home.resolve("first.log"));
        try {
            awaitReady(first, port);
            assertThat(post(port, "/api/auth/register", CREDENTIALS)).isEqualTo(201);
        } finally {
            stop(first);
        }
        assertThat(Files.readString(home.resolve("first.log"))).contains("Embedded PostgreSQL started")
                .contains(home.resolve("pgdata").toString());
        assertThat(home.resolve("pgdata/postmaster.pid")).as("PostgreSQL stopped with the service").doesNotExist();

        Process second = start(port, home.resolve("second.log"));
        try {
            awaitReady(second, port);
            assertThat(post(port, "/api/auth/sign-in", CREDENTIALS)).as("the account survived the restart").isEqualTo(200);
        } finally {
            stop(second);
        }
        assertThat(home.resolve("pgdata/postmaster.pid")).doesNotExist();
    }

    private Process start(int port, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.timezone=UTC", "-Xmx384m", "-cp", System.getProperty("java.class.path"), Application.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> !name.equals("PATH") && !name.equals("HOME"));
        env.put("DATABASE_URL", "embedded");
        env.put("AUTHRAG_HOME", home.toString());
        env.put("PORT", String.valueOf(port));
        env.put("LOG_FORMAT", "text");
        env.put("RATE_LIMIT_ENABLED", "false");
        return builder.start();
    }

    private void awaitReady(Process process, int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the service stopped during start-up").isTrue();
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/health/readiness")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("the service was not ready within 120 s");
    }

    private int post(int port, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy(); // SIGTERM, as a deployer's stop
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
