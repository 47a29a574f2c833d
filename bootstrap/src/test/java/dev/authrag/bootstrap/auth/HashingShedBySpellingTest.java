package dev.authrag.bootstrap.auth;

import dev.authrag.adapter.web.crypto.password.Argon2PasswordHasher;
import dev.authrag.adapter.web.crypto.password.Argon2id;
import dev.authrag.adapter.web.crypto.password.BouncyCastleArgon2;
import dev.authrag.application.auth.PasswordHasher;
import dev.authrag.bootstrap.support.HttpTestSupport;
import dev.authrag.bootstrap.support.RawHttp;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While hashing is at capacity, every route that hashes is shed with 503 {@code overloaded}, however its path is
 * spelled, before the request costs anything else (no rate-limit query, no body parsing; the hasher would refuse such a
 * request too, but only after both); a route that does not hash is not. Capacity is exhausted
 * deterministically: one hashing thread and a queue of one, both held by registrations whose hash waits on a gate.
 */
@MicronautTest(transactional = false)
class HashingShedBySpellingTest extends HttpTestSupport {

    private static final String PASSWORD = "correct horse battery";
    /** Closed while a test holds the hashing thread; hashes wait on it. */
    static volatile CountDownLatch gate = new CountDownLatch(0);

    @Inject
    Argon2PasswordHasher hasher;

    @Override
    protected Map<String, String> extraProperties() {
        // limits on but generous: a request shed by the filter is refused before its rate-limit query, so it carries
        // no RateLimit field, while one the hasher itself refuses (after the limits and the body) would
        return Map.of("spec.name", "HashingShedBySpellingTest",
                "authrag.rate-limit.enabled", "true",
                "authrag.rate-limit.signin-per-ip", "1000/1m",
                "authrag.rate-limit.register-per-ip", "1000/1m");
    }

    @Test
    void atCapacity_everySpellingOfAHashingRoute_isShed_andOtherRoutesAreNot() throws Exception {
        String token = signedInToken(uniqueEmail(), PASSWORD);
        gate = new CountDownLatch(1);
        List<Thread> holders = new ArrayList<>();
        List<String> early = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Thread holder = new Thread(() -> {
                    HttpResponse<String> held = register(uniqueEmail(), PASSWORD);
                    if (gate.getCount() > 0) {
                        early.add(held.statusCode() + " " + held.body());
                    }
                });
                holder.start();
                holders.add(holder);
            }
            for (int waited = 0; !hasher.atCapacity(); waited++) {
                assertThat(early).as("a held registration answered before the gate opened").isEmpty();
                assertThat(waited).as("the two held hashes fill the thread and the queue").isLessThan(6000);
                Thread.sleep(10);
            }

            String change = "{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"tranquil meadow lantern\"}";
            for (String path : List.of("/api/auth/register", "/api/auth/register/", "/api/auth/register?x=1")) {
                assertShed(raw(path, credentials(uniqueEmail(), PASSWORD), null));
            }
            for (String path : List.of("/api/auth/sign-in", "/api/auth/sign-in/", "/api/auth/sign-in/?x=1")) {
                assertShed(raw(path, credentials(uniqueEmail(), PASSWORD), null));
            }
            for (String path : List.of("/api/auth/change-password", "/api/auth/change-password/")) {
                assertShed(raw(path, change, token));
            }
            assertThat(raw("/api/auth/token/", null, token).status()).as("minting a token hashes nothing").isEqualTo(200);
            assertThat(get("/api/auth/verify", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        } finally {
            gate.countDown();
            for (Thread holder : holders) {
                holder.join(TimeUnit.SECONDS.toMillis(30));
            }
        }
        assertThat(raw("/api/auth/register/", credentials(uniqueEmail(), PASSWORD), null).status()).as("capacity is back")
                .isEqualTo(201);
    }

    private static void assertShed(RawHttp.Response response) {
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.body()).contains("\"code\":\"overloaded\"");
        assertThat(response.header("Retry-After")).hasValue("1");
        assertThat(response.header("RateLimit")).as("shed before anything was counted or parsed").isEmpty();
    }

    private RawHttp.Response raw(String path, String body, String bearer) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (bearer != null) {
            headers.add(Map.entry("Authorization", "Bearer " + bearer));
        }
        if (body != null) {
            headers.add(Map.entry("Content-Type", "application/json"));
        }
        return RawHttp.exchange(server.getPort(), RawHttp.request("POST", path, headers,
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8)), Duration.ofSeconds(30));
    }

    /** The real hasher, with one thread and a queue of one, over an Argon2id that waits while the gate is closed. */
    @Factory
    @Requires(property = "spec.name", value = "HashingShedBySpellingTest")
    static class GatedHasherFactory {

        @Singleton
        @Replaces(bean = Argon2PasswordHasher.class, factory = AuthFactory.class)
        @Bean(typed = {PasswordHasher.class, Argon2PasswordHasher.class}, preDestroy = "close")
        Argon2PasswordHasher gatedHasher() {
            Argon2id java = new BouncyCastleArgon2();
            Argon2id gated = new Argon2id() {
                @Override
                public byte[] hash(byte[] password, byte[] salt, Argon2PasswordHasher.Cost cost, int length) {
                    try {
                        gate.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return java.hash(password, salt, cost, length);
                }

                @Override
                public String description() {
                    return "gated " + java.description();
                }
            };
            return new Argon2PasswordHasher(gated, Argon2PasswordHasher.Cost.owasp(), 1, 1, Duration.ofSeconds(5));
        }
    }
}
