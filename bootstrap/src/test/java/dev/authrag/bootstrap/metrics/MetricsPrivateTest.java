package dev.authrag.bootstrap.metrics;

import dev.authrag.bootstrap.support.HttpTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Without METRICS_PUBLIC, /prometheus is an unknown route to everyone, signed-in users included (404, problem+json). */
@MicronautTest(transactional = false)
class MetricsPrivateTest extends HttpTestSupport {

    @Test
    void prometheus_isNotFound_anonymously() {
        HttpResponse<String> response = get("/prometheus");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).doesNotContain("http_server_requests");
    }

    @Test
    void prometheus_isNotFound_toASignedInUser() {
        String token = signedInToken(uniqueEmail(), "correct horse battery");

        assertThat(get("/prometheus", "Authorization", "Bearer " + token).statusCode()).isEqualTo(404);
        assertThat(get("/metrics", "Authorization", "Bearer " + token).statusCode()).isEqualTo(404);
    }
}
