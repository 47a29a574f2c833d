package dev.authrag.bootstrap.token;

import dev.authrag.bootstrap.support.HttpTestSupport;
import dev.authrag.bootstrap.support.OffsetClockFactory;
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
 * Cross-instance revocation does not depend on the instances' clocks (issue 10, item 4): instance A (the test's
 * server) runs five minutes slow, instance B five minutes fast, both on one PostgreSQL. A sign-out on A still reaches
 * B within five seconds, because B polls by the time the database recorded each revocation, on the database's clock.
 */
@MicronautTest(transactional = false)
class SkewedClocksRevocationTest extends HttpTestSupport {

    private static final String PASSWORD = "correct horse battery";
    private static final Duration PROPAGATION_BOUND = Duration.ofSeconds(5);

    private ApplicationContext instanceB;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(OffsetClockFactory.PROPERTY, "-PT5M");
    }

    @BeforeAll
    void startAFastInstance() {
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put(OffsetClockFactory.PROPERTY, "PT5M");
        instanceB = ApplicationContext.run(EmbeddedServer.class, properties).getApplicationContext();
    }

    @AfterAll
    void stopTheFastInstance() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @Test
    void aSignOutOnTheSlowInstance_isRefusedOnTheFastOneWithinFiveSeconds() throws Exception {
        String email = uniqueEmail();
        register(email, PASSWORD);
        String session = (String) body(post("/api/auth/sign-in", credentials(email, PASSWORD))).get("session_token");
        assertThat(verifyOnB("Bearer " + session)).as("B remembers the session as active").isEqualTo(200);
        assertThat(verifyOnB("Bearer " + session)).isEqualTo(200);

        assertThat(post("/api/auth/sign-out", null, "Authorization", "Bearer " + session).statusCode()).isEqualTo(200);
        long signedOut = System.nanoTime();

        int status = verifyOnB("Bearer " + session);
        while (status == 200 && System.nanoTime() - signedOut < PROPAGATION_BOUND.toNanos()) {
            Thread.sleep(100);
            status = verifyOnB("Bearer " + session);
        }
        assertThat(status).as("B, within %s", PROPAGATION_BOUND).isEqualTo(401);
    }

    private int verifyOnB(String authorization) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + instanceB.getBean(EmbeddedServer.class).getPort() + "/api/auth/verify"))
                .header("Authorization", authorization).timeout(Duration.ofSeconds(10)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
