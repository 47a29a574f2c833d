package dev.authrag.bootstrap.support;


import dev.authrag.adapter.persistence.testing.TestDatabase;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Base for tests that drive the real server over real HTTP (the JDK client, so every status and header is seen
 * as a browser would see it) on a database created for the test class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HttpTestSupport implements TestPropertyProvider {

    protected final TestDatabase database = TestDatabase.create(getClass().getSimpleName());
    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    protected EmbeddedServer server;

    @Inject
    protected JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(database.properties());
        properties.put("micronaut.server.port", "-1");
        properties.put("authrag.token.auth-secret", "test-secret-" + "x".repeat(40));
        // every test class registers and signs in many times from 127.0.0.1; rate-limit tests switch it back on
        properties.put("authrag.rate-limit.enabled", "false");
        // tests that send twenty sign-ins at once prove lockout and uniqueness, not shedding: where the build made no
        // native Argon2id (no gcc) each hash in Java takes ~3x longer, and the default 1 s wait would shed some with
        // 503 on a busy 2-core machine. Shedding has its own tests (OverloadSheddingTest, PasswordHashImplementationTest)
        properties.put("authrag.auth.hash-max-wait", "60s");
        properties.putAll(extraProperties());
        return properties;
    }

    /** Settings a test class adds or overrides. */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    protected HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        boolean hasContentType = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            hasContentType |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (body != null && !hasContentType) {
            request.header("Content-Type", "application/json");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    protected HttpResponse<String> post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> body(HttpResponse<String> response) {
        try {
            return json.readValue(response.body(), Map.class);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    protected static String uniqueEmail() {
        return "user-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    protected static String credentials(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    protected HttpResponse<String> register(String email, String password) {
        return post("/api/auth/register", credentials(email, password));
    }

    /** Registers and signs in; returns the session token. */
    protected String signedInToken(String email, String password) {
        register(email, password);
        HttpResponse<String> signIn = post("/api/auth/sign-in", credentials(email, password));
        if (signIn.statusCode() != 200) {
            throw new AssertionError("sign-in failed: " + signIn.statusCode() + " " + signIn.body());
        }
        return (String) body(signIn).get("session_token");
    }
}
