package dev.authrag.bootstrap.auth;

import dev.authrag.bootstrap.support.HttpTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Readiness and health include the database: once it is gone they answer 503, while liveness stays up. */
@MicronautTest(transactional = false)
class DatabaseOutageHealthTest extends HttpTestSupport {

    @Test
    void readiness_isUnavailableOnceTheDatabaseIsGone() {
        assertThat(get("/health/readiness").statusCode()).isEqualTo(200);

        database.close();

        HttpResponse<String> readiness = get("/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(body(readiness)).containsEntry("status", "DOWN").doesNotContainKey("details");
        assertThat(get("/health").statusCode()).isEqualTo(503);
        assertThat(get("/health/liveness").statusCode()).isEqualTo(200);
    }
}
