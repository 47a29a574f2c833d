package dev.authrag.bootstrap.resilience;

import dev.authrag.adapter.persistence.testing.TestDatabase;
import dev.authrag.bootstrap.Application;
import dev.authrag.bootstrap.support.FakeChatCompletions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SIGTERM to the real process (Application's main in a child JVM on this test's class path, as {@code java -jar}
 * would run it): requests in flight finish, new connections are refused, and the process exits within
 * {@code SHUTDOWN_GRACE_PERIOD}, even when a request would never finish. Requests are held in flight
 * deterministically by a fake language model that answers only when the test lets it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GracefulShutdownTest {

    private static final String SECRET = "graceful-shutdown-secret-" + "x".repeat(40);
    private static final String PASSWORD = "shutdown resilient passphrase";
    /** Process exit status after SIGTERM once the JVM's shutdown hooks ran (128 + 15). */
    private static final int TERMINATED_BY_SIGTERM = 143;

    private final TestDatabase database = TestDatabase.create("GracefulShutdownTest");
    private final FakeChatCompletions model = FakeChatCompletions.start();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Service service;

    private record Service(Process process, int port, Path log) {
    }

    @AfterEach
    void stopService() {
        model.reset();
        if (service != null && service.process().isAlive()) {
            service.process().destroyForcibly();
        }
    }

    @AfterAll
    void cleanUp() {
        model.close();
        database.close();
    }

    @Test
    void sigterm_letsRequestsInFlightFinish_refusesNewConnections_andExitsWithinTheGracePeriod() throws Exception {
        Duration gracePeriod = Duration.ofSeconds(15);
        service = start(gracePeriod);
        String token = signedInToken();
        model.hold();
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inFlight.add(http.sendAsync(chat(token), HttpResponse.BodyHandlers.ofString()));
        }
        model.awaitRequests(3, Duration.ofSeconds(30));

        long signalled = System.nanoTime();
        service.process().destroy(); // SIGTERM

        awaitRefusedConnection(Duration.ofSeconds(10));
        assertThat(service.process().isAlive()).as("still finishing its requests").isTrue();
        assertThat(inFlight).noneMatch(CompletableFuture::isDone);
        HttpClient newcomer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> newcomer.send(request("/health/liveness").GET().build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);

        long released = System.nanoTime();
        model.release();
        for (CompletableFuture<HttpResponse<String>> call : inFlight) {
            HttpResponse<String> response = call.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("\"response\":\"A canned answer.\"");
        }
        assertThat(service.process().waitFor(gracePeriod.toSeconds(), TimeUnit.SECONDS))
                .as("exited within the grace period; log: %s", tail(service)).isTrue();
        long exited = System.nanoTime();
        System.out.printf("graceful shutdown: exited %d ms after SIGTERM, %d ms after the held requests were let go%n",
                TimeUnit.NANOSECONDS.toMillis(exited - signalled), TimeUnit.NANOSECONDS.toMillis(exited - released));
        assertThat(service.process().exitValue()).as(tail(service)).isEqualTo(TERMINATED_BY_SIGTERM);
    }

    @Test
    void aRequestThatNeverFinishes_doesNotKeepTheProcessPastTheGracePeriod() throws Exception {
        Duration gracePeriod = Duration.ofSeconds(2);
        service = start(gracePeriod);
        String token = signedInToken();
        model.hold();
        CompletableFuture<HttpResponse<String>> stuck = http.sendAsync(chat(token), HttpResponse.BodyHandlers.ofString());
        model.awaitRequests(1, Duration.ofSeconds(30));

        long signalled = System.nanoTime();
        service.process().destroy();

        // the grace period, then the rest of an ordinary stop (connections, pool, executors) with room to spare
        assertThat(service.process().waitFor(gracePeriod.toSeconds() + 15, TimeUnit.SECONDS))
                .as("stopped although a request was still running; log: %s", tail(service)).isTrue();
        System.out.printf("forced shutdown: exited %d ms after SIGTERM with a grace period of %d s%n",
                Duration.ofNanos(System.nanoTime() - signalled).toMillis(), gracePeriod.toSeconds());
        assertThat(service.process().exitValue()).isEqualTo(TERMINATED_BY_SIGTERM);
        assertThat(tail(service)).contains("Timeout hit in graceful shutdown");
        stuck.cancel(true);
    }

    private Service start(Duration gracePeriod) throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path log = Files.createTempFile("graceful-shutdown-", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.timezone=UTC", "-Xmx384m", "-cp", System.getProperty("java.class.path"), Application.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> !name.equals("PATH") && !name.equals("HOME"));
        env.put("PORT", String.valueOf(port));
        env.put("DATABASE_URL", database.url());
        env.put("AUTH_SECRET", SECRET);
        env.put("RATE_LIMIT_ENABLED", "false");
        env.put("LOG_FORMAT", "text");
        env.put("LLM_BASE_URL", model.baseUrl());
        env.put("LLM_MODEL", "test-model");
        env.put("LLM_API_KEY", "test-key");
        env.put("SHUTDOWN_GRACE_PERIOD", gracePeriod.toSeconds() + "s");
        Process process = builder.start();
        Service started = new Service(process, port, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the service stopped during start-up: " + tail(started));
            }
            try {
                if (http.send(requestTo(port, "/health/readiness").GET().build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return started;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service did not become ready: " + tail(started));
    }

    private String signedInToken() throws IOException, InterruptedException {
        String email = "user-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
        assertThat(http.send(json("/api/auth/register", credentials), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(201);
        HttpResponse<String> signIn = http.send(json("/api/auth/sign-in", credentials), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(200);
        String body = signIn.body();
        int start = body.indexOf("\"session_token\":\"") + "\"session_token\":\"".length();
        return body.substring(start, body.indexOf('"', start));
    }

    private HttpRequest chat(String token) {
        return request("/api/chat/message").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"How do I sign in?\"}")).build();
    }

    private HttpRequest json(String path, String body) {
        return request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest.Builder request(String path) {
        return requestTo(service.port(), path);
    }

    private static HttpRequest.Builder requestTo(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60));
    }

    /** Connects until the listening socket is gone. */
    private void awaitRefusedConnection(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), service.port()), 1000);
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                // a time-out or reset: try again
            }
            Thread.sleep(20);
        }
        throw new AssertionError("new connections were still accepted " + limit + " after SIGTERM: " + tail(service));
    }

    private static String tail(Service service) {
        try {
            List<String> lines = Files.readAllLines(service.log(), StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
