package dev.authrag.bootstrap.auth;

import dev.authrag.bootstrap.support.HttpTestSupport;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error, the framework's own included, is problem+json with a stable code, the request id and the security headers. */
@MicronautTest(transactional = false)
class ErrorResponsesTest extends HttpTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("spec.name", "ErrorResponsesTest");
    }

    @Test
    void malformedJson_isABadRequest() {
        HttpResponse<String> response = post("/api/auth/register", "{\"email\": ");
        assertProblem(response, 400, "malformed_json");
    }

    @Test
    void aFieldOfTheWrongType_isABadRequest() {
        HttpResponse<String> response = post("/api/auth/register", "{\"email\": {\"nested\": true}, \"password\": []}");
        assertProblem(response, 400, "invalid_request");
    }

    @Test
    void aMissingBody_isABadRequest() {
        HttpResponse<String> response = send("POST", "/api/auth/sign-in", null, "Content-Type", "application/json");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response)).containsKey("code");
    }

    @Test
    void aWrongContentType_isUnsupportedMediaType() {
        HttpResponse<String> response = post("/api/auth/register", "email=a@b.co", "Content-Type", "application/x-www-form-urlencoded");
        assertProblem(response, 415, "unsupported_media_type");
    }

    @Test
    void anUnknownRoute_isNotFoundRatherThanUnauthorized() {
        assertProblem(get("/api/does-not-exist"), 404, "not_found");
        assertProblem(get("/nothing/here"), 404, "not_found");
    }

    @Test
    void aWrongMethod_isMethodNotAllowed() {
        assertProblem(send("DELETE", "/api/auth/register", null), 405, "method_not_allowed");
    }

    @Test
    void aBodyOver64KiB_isPayloadTooLarge() {
        String big = "{\"email\":\"" + "a".repeat(70 * 1024) + "\"}";
        assertProblem(post("/api/auth/register", big), 413, "payload_too_large");
    }

    @Test
    void anUnhandledException_isAGeneric500WithoutTheMessage() {
        HttpResponse<String> response = get("/test/explode");
        assertProblem(response, 500, "internal_error");
        assertThat(response.body()).doesNotContain("kaboom-secret").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aClientRequestId_isEchoedWhenSafe_andReplacedWhenNot() {
        HttpResponse<String> safe = get("/api/does-not-exist", "X-Request-Id", "abc-123");
        HttpResponse<String> hostile = get("/api/does-not-exist", "X-Request-Id", "a".repeat(200));

        assertThat(safe.headers().firstValue("X-Request-Id")).hasValue("abc-123");
        assertThat(body(safe)).containsEntry("request_id", "abc-123");
        assertThat(hostile.headers().firstValue("X-Request-Id")).hasValueSatisfying(id ->
                assertThat(id).hasSizeLessThanOrEqualTo(128).isNotEqualTo("a".repeat(200)));
    }

    @Test
    void healthEndpoints_arePublicAndShowNoDetails() {
        for (String path : List.of("/health", "/health/liveness", "/health/readiness")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(body(response)).containsEntry("status", "UP").doesNotContainKey("details");
        }
    }

    private void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        Map<String, Object> body = body(response);
        assertThat(body).containsEntry("status", status).containsEntry("code", code)
                .containsKeys("type", "title", "detail", "request_id");
        assertThat(body.get("request_id")).isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("Cross-Origin-Resource-Policy")).hasValue("same-origin");
    }

    /** A route that fails the way a bug would, present only in this test's context. */
    @Requires(property = "spec.name", value = "ErrorResponsesTest")
    @Controller("/test")
    @Secured(SecurityRule.IS_ANONYMOUS)
    static class ExplodingController {
        @Get("/explode")
        String explode() {
            throw new IllegalStateException("kaboom-secret");
        }
    }
}
