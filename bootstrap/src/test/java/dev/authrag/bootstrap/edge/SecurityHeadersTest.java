package dev.authrag.bootstrap.edge;

import dev.authrag.bootstrap.support.HttpTestSupport;
import dev.authrag.bootstrap.support.MutableClockFactory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract's security headers on every kind of response: success, refusal, unknown route, rate limit and bug. */
@MicronautTest(transactional = false)
class SecurityHeadersTest extends HttpTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("spec.name", "SecurityHeadersTest",
                "authrag.rate-limit.enabled", "true",
                "authrag.rate-limit.register-per-ip", "1/1h",
                "authrag.edge.cors-allowed-origins", "https://app.example.com",
                MutableClockFactory.PROPERTY, "mutable");
    }

    @Test
    void everyStatus_carriesTheSecurityHeaders() {
        register(uniqueEmail(), "correct horse battery");
        Map<Integer, HttpResponse<String>> responses = new LinkedHashMap<>();
        responses.put(200, get("/health"));
        responses.put(401, get("/api/auth/verify"));
        responses.put(404, get("/api/nothing-here"));
        responses.put(429, register(uniqueEmail(), "correct horse battery"));
        responses.put(500, get("/test/headers/explode"));

        responses.forEach((status, response) -> {
            assertThat(response.statusCode()).isEqualTo(status);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(status + "").hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(status + "").hasValue("DENY");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(status + "")
                    .hasValue("default-src 'none'; frame-ancestors 'none'");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(status + "").hasValue("no-referrer");
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(status + "")
                    .hasValue("max-age=31536000; includeSubDomains");
            assertThat(response.headers().firstValue("Cross-Origin-Resource-Policy")).as(status + "").hasValue("same-origin");
            assertThat(response.headers().firstValue("X-Request-Id")).as(status + "").isPresent();
        });
        for (int status : new int[]{401, 404, 429}) {
            assertThat(responses.get(status).headers().firstValue("Cache-Control")).as(status + "").hasValue("no-store");
        }
    }

    @Test
    void aRateLimitedResponse_toAnAllowedOrigin_letsTheFrontEndReadTheWait() {
        register(uniqueEmail(), "correct horse battery");
        HttpResponse<String> limited = send("POST", "/api/auth/register", credentials(uniqueEmail(), "correct horse battery"),
                "Origin", "https://app.example.com");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
        assertThat(String.join(",", limited.headers().allValues("Access-Control-Expose-Headers"))).contains("Retry-After");
    }

    /** A route that fails the way a bug would, present only in this test's context. */
    @Requires(property = "spec.name", value = "SecurityHeadersTest")
    @Controller("/test/headers")
    @Secured(SecurityRule.IS_ANONYMOUS)
    static class ExplodingController {
        @Get("/explode")
        String explode() {
            throw new IllegalStateException("kaboom");
        }
    }
}
