package dev.authrag.bootstrap.ratelimit;

import dev.authrag.bootstrap.support.HttpTestSupport;
import dev.authrag.bootstrap.support.MutableClockFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service on one database, as behind a load balancer: the limits hold for both together,
 * because the buckets live in PostgreSQL and not in either instance. Both clocks stand at the same instant, as
 * two synchronised servers' would.
 */
@MicronautTest(transactional = false)
class SharedRateLimitTest extends HttpTestSupport {

    private EmbeddedServer second;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("authrag.rate-limit.enabled", "true",
                "authrag.edge.trusted-proxy-hops", "1",
                MutableClockFactory.PROPERTY, "mutable");
    }

    @BeforeAll
    void startASecondInstance() {
        Map<String, Object> sameDatabase = new HashMap<>(getProperties());
        second = ApplicationContext.run(EmbeddedServer.class, sameDatabase);
    }

    @AfterAll
    void stopTheSecondInstance() {
        second.close();
    }

    @Test
    void signInsFromOneAddress_hittingBothInstancesInTurn_areAdmittedExactlyTenTimesTogether() throws Exception {
        assertThat(second.getPort()).isNotEqualTo(server.getPort());
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            statuses.add(signIn(i % 2 == 0 ? server.getPort() : second.getPort(), "203.0.113.1").statusCode());
        }

        assertThat(statuses.subList(0, 10)).containsOnly(401);
        assertThat(statuses.subList(10, 14)).containsOnly(429);
    }

    @Test
    void thirtyConcurrentSignInsFromOneAddress_spreadOverBothInstances_admitNoMoreThanTheLimitPlusOne() {
        List<CompletableFuture<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int port = i % 2 == 0 ? server.getPort() : second.getPort();
            attempts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return signIn(port, "203.0.113.2").statusCode();
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        List<Integer> statuses = attempts.stream().map(CompletableFuture::join).toList();

        assertThat(statuses).containsOnly(401, 429);
        assertThat(statuses.stream().filter(status -> status == 401).count()).isBetween(10L, 11L);
    }

    private HttpResponse<String> signIn(int port, String forwardedFor) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/sign-in"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(credentials(uniqueEmail(), "wrong password")))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
