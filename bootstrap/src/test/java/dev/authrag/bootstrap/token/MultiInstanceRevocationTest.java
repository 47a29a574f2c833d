package dev.authrag.bootstrap.token;

import dev.authrag.bootstrap.support.HttpTestSupport;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database (A is the test's server, B a second context): a revocation on A is refused at
 * once on A and within five seconds on B, for session tokens and access tokens alike; a freshly started instance
 * (a restart) accepts access tokens signed before it started.
 */
@MicronautTest(transactional = false)
class MultiInstanceRevocationTest extends HttpTestSupport {

    private static final String PASSWORD = "correct horse battery";
    private static final Duration PROPAGATION_BOUND = Duration.ofSeconds(5);

    private ApplicationContext instanceB;

    @BeforeAll
    void startSecondInstance() {
        instanceB = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(getProperties())).getApplicationContext();
    }

    @AfterAll
    void stopSecondInstance() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @Test
    void revocationOnA_isRefusedAtOnceOnA_andWithinFiveSecondsOnB() throws Exception {
        String email = uniqueEmail();
        register(email, PASSWORD);
        Map<String, Object> signedIn = body(post("/api/auth/sign-in", credentials(email, PASSWORD)));
        String session = (String) signedIn.get("session_token");
        String jwt = (String) signedIn.get("access_token");
        assertThat(verifyOnB("Bearer " + jwt)).isEqualTo(200);
        assertThat(verifyOnB("Bearer " + session)).isEqualTo(200);

        assertThat(post("/api/auth/sign-out", null, "Authorization", "Bearer " + session).statusCode()).isEqualTo(200);
        long revokedAt = System.nanoTime();

        assertThat(get("/api/auth/verify", "Authorization", "Bearer " + jwt).statusCode()).as("A, access token").isEqualTo(401);
        assertThat(get("/api/auth/verify", "Authorization", "Bearer " + session).statusCode()).as("A, session token").isEqualTo(401);
        assertThat(refusedOnBWithin(PROPAGATION_BOUND, revokedAt, "Bearer " + session)).as("B, session token").isEqualTo(401);
        assertThat(refusedOnBWithin(PROPAGATION_BOUND, revokedAt, "Bearer " + jwt)).as("B, access token").isEqualTo(401);
    }

    /** B may answer from its memory until its next revocation refresh; polls until refused or the bound passes. */
    private int refusedOnBWithin(Duration bound, long since, String authorization) throws Exception {
        int status = verifyOnB(authorization);
        while (status == 200 && System.nanoTime() - since < bound.toNanos()) {
            Thread.sleep(100);
            status = verifyOnB(authorization);
        }
        return status;
    }

    @Test
    void aNewInstanceOnTheSameDatabase_acceptsAccessTokensSignedBeforeItStarted() {
        String email = uniqueEmail();
        register(email, PASSWORD);
        String jwt = (String) body(post("/api/auth/sign-in", credentials(email, PASSWORD))).get("access_token");

        try (ApplicationContext restarted = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(getProperties()))
                .getApplicationContext()) {
            int port = restarted.getBean(EmbeddedServer.class).getPort();
            assertThat(verify(port, "Bearer " + jwt)).isEqualTo(200);
            assertThat(restarted.getBean(dev.authrag.adapter.web.crypto.keys.JwtKeyRing.class).publicJwks())
                    .isEqualTo(get("/.well-known/jwks.json").body());
        }
    }

    private int verifyOnB(String authorization) throws Exception {
        return verify(instanceB.getBean(EmbeddedServer.class).getPort(), authorization);
    }

    private int verify(int port, String authorization) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/verify"))
                    .header("Authorization", authorization).timeout(Duration.ofSeconds(10)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
