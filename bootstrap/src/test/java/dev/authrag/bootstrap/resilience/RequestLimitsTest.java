package dev.authrag.bootstrap.resilience;

import dev.authrag.bootstrap.support.HttpTestSupport;
import dev.authrag.bootstrap.support.RawHttp;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests past the limits get a 4xx problem at once, never a 5xx or a stack overflow: headers over 8 KiB (431),
 * a request line over 4 KiB (414), malformed header lines (400), bodies over 64 KiB (413), and JSON nested deeper
 * than Jackson's limit of 1000 levels or with numbers of thousands of digits (400).
 */
@MicronautTest(transactional = false)
class RequestLimitsTest extends HttpTestSupport {

    private static final List<Map.Entry<String, String>> JSON = List.of(Map.entry("Content-Type", "application/json"));
    private String token;

    @Test
    void oneHeaderOver8KiB_isRefusedWith431() {
        assertProblem(raw("GET", "/api/auth/verify", List.of(Map.entry("X-Padding", "a".repeat(9000))), null),
                431, "headers_too_large");
    }

    @Test
    void aHugeCookie_isRefusedWith431() {
        assertProblem(raw("GET", "/api/auth/verify", List.of(Map.entry("Cookie", "session_token=" + "a".repeat(20_000))), null),
                431, "headers_too_large");
    }

    @Test
    void manySmallHeadersOver8KiBTogether_areRefusedWith431() {
        List<Map.Entry<String, String>> headers = IntStream.range(0, 300)
                .mapToObj(i -> Map.entry("X-Header-" + i, "v".repeat(30))).toList();
        assertProblem(raw("GET", "/health", headers, null), 431, "headers_too_large");
    }

    @Test
    void aUrlOver4KiB_isRefusedWith414() {
        assertProblem(raw("GET", "/api/auth/events?before=" + "a".repeat(5000), List.of(), null), 414, "uri_too_long");
    }

    @Test
    void aMalformedHeaderLine_isABadRequest() {
        assertProblem(raw("GET", "/health", List.of(Map.entry("X-Control", "a\u0001b")), null), 400, "malformed_request");
        assertProblem(raw("GET", "/health", List.of(Map.entry("Bad Header Name", "x")), null), 400, "malformed_request");
    }

    @Test
    void aBodyOver64KiB_isRefusedWith413_onEveryBodyRoute() {
        String big = "{\"email\":\"" + "a".repeat(70 * 1024) + "\"}";
        for (String path : List.of("/api/auth/register", "/api/auth/sign-in")) {
            assertProblem(raw("POST", path, JSON, big), 413, "payload_too_large");
        }
        // the protected ones authenticate first, so with a valid credential
        List<Map.Entry<String, String>> authenticated = List.of(Map.entry("Content-Type", "application/json"),
                Map.entry("Authorization", "Bearer " + token()));
        for (String path : List.of("/api/chat/message", "/api/auth/change-password")) {
            assertProblem(raw("POST", path, authenticated, big), 413, "payload_too_large");
        }
    }

    @Test
    void deeplyNestedJson_isABadRequest_notAStackOverflow() {
        // within the 64 KiB limit, far past Jackson's nesting limit of 1000
        assertProblem(raw("POST", "/api/auth/register", JSON, "[".repeat(60_000)), 400, null);
        assertProblem(raw("POST", "/api/auth/register", JSON, "[".repeat(30_000) + "]".repeat(30_000)), 400, null);
        assertProblem(raw("POST", "/api/auth/sign-in", JSON,
                "{\"email\":\"a@example.com\",\"password\":" + "{\"a\":".repeat(6000) + "1" + "}".repeat(6000) + "}"), 400, null);
    }

    @Test
    void deepNestingInAnIgnoredField_isStoppedAtJacksonsLimitOf1000_notSkippedThrough() {
        // an unknown field is skipped, not bound: only the parser's own nesting limit stops it (the object is level 1)
        RawHttp.Response within = raw("POST", "/api/auth/register", JSON, registration("[".repeat(998) + "]".repeat(998)));
        assertThat(within.status()).as(within.body()).isEqualTo(201);
        assertProblem(raw("POST", "/api/auth/register", JSON, registration("[".repeat(1001) + "]".repeat(1001))), 400, "invalid_request");
        assertProblem(raw("POST", "/api/auth/register", JSON, registration("[".repeat(30_000) + "]".repeat(30_000))), 400, "invalid_request");
    }

    @Test
    void aNumberOfThousandsOfDigits_isABadRequest() {
        assertProblem(raw("POST", "/api/auth/sign-in", JSON, "{\"email\":" + "9".repeat(60_000) + ",\"password\":1}"), 400, null);
        List<Map.Entry<String, String>> authenticated = List.of(Map.entry("Content-Type", "application/json"),
                Map.entry("Authorization", "Bearer " + token()));
        assertProblem(raw("POST", "/api/chat/message", authenticated,
                "{\"message\":\"hello\",\"conversation_id\":1e999999999}"), 400, null);
        assertProblem(raw("POST", "/api/chat/message", authenticated,
                "{\"message\":\"hello\",\"conversation_id\":" + "1".repeat(5000) + "}"), 400, null);
    }

    private static String registration(String extra) {
        return "{\"email\":\"" + uniqueEmail() + "\",\"password\":\"limits test passphrase\",\"extra\":" + extra + "}";
    }

    private String token() {
        if (token == null) {
            token = signedInToken(uniqueEmail(), "limits test passphrase");
        }
        return token;
    }

    private RawHttp.Response raw(String method, String target, List<Map.Entry<String, String>> headers, String body) {
        return RawHttp.exchange(server.getPort(), RawHttp.request(method, target, headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8)), Duration.ofSeconds(10));
    }

    private void assertProblem(RawHttp.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        Map<String, Object> problem = body(response.body());
        assertThat(problem).containsEntry("status", status).containsKeys("code", "request_id", "detail");
        if (code != null) {
            assertThat(problem).containsEntry("code", code);
        }
        assertThat(response.header("X-Request-Id")).hasValue((String) problem.get("request_id"));
        assertThat(response.header("X-Content-Type-Options")).hasValue("nosniff");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(String text) {
        try {
            return json.readValue(text, Map.class);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
