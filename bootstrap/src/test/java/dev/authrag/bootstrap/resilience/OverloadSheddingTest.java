package dev.authrag.bootstrap.resilience;

import dev.authrag.bootstrap.support.HttpTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With one hashing thread and a queue of one, a burst of sign-ins is split into admitted ones (200) and shed ones
 * (503 overloaded with Retry-After, problem+json), never a 500; shedding stops once the burst is over.
 */
@MicronautTest(transactional = false)
class OverloadSheddingTest extends HttpTestSupport {

    private static final String PASSWORD = "correct horse battery";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("authrag.auth.hash-threads", "1", "authrag.auth.hash-queue", "1");
    }

    @Test
    void aBurstBeyondHashingCapacity_isShedWith503AndRetryAfter_andTheRestSucceed() throws Exception {
        String email = uniqueEmail();
        assertThat(register(email, PASSWORD).statusCode()).isEqualTo(201);

        ExecutorService clients = Executors.newFixedThreadPool(24);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            Callable<HttpResponse<String>> signIn = () -> post("/api/auth/sign-in", credentials(email, PASSWORD));
            answers.add(clients.submit(signIn));
        }
        int admitted = 0;
        int shed = 0;
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            assertThat(response.statusCode()).isIn(200, 503);
            if (response.statusCode() == 200) {
                admitted++;
            } else {
                shed++;
                assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                        assertThat(type).startsWith("application/problem+json"));
                assertThat(body(response)).containsEntry("code", "overloaded").containsKey("request_id");
            }
        }
        clients.shutdown();

        assertThat(admitted).isPositive();
        assertThat(shed).isPositive();
        assertThat(post("/api/auth/sign-in", credentials(email, PASSWORD)).statusCode()).isEqualTo(200);
    }
}
