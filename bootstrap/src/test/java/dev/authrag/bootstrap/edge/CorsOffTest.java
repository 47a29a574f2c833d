package dev.authrag.bootstrap.edge;

import dev.authrag.bootstrap.support.HttpTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Without CORS_ALLOWED_ORIGINS (the default) no origin gets a CORS header: not Micronaut's allow-everyone default. */
@MicronautTest(transactional = false)
class CorsOffTest extends HttpTestSupport {

    /** As in CorsTest: judge the allowlist alone, not Micronaut's localhost protection. */
    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.server.cors.localhost-pass-through", "true");
    }

    @Test
    void noOrigin_getsCorsHeaders_onAPreflightOrARequest() {
        HttpResponse<String> preflight = send("OPTIONS", "/api/auth/verify", null, "Origin", "https://app.example.com",
                "Access-Control-Request-Method", "GET");
        HttpResponse<String> request = get("/health", "Origin", "https://app.example.com");

        for (HttpResponse<String> response : new HttpResponse[]{preflight, request}) {
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        }
    }
}
