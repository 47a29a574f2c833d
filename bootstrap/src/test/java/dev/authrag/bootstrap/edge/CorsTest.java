package dev.authrag.bootstrap.edge;

import dev.authrag.bootstrap.support.HttpTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Cross-origin calls from the configured front ends, with credentials; nobody else gets a CORS header. */
@MicronautTest(transactional = false)
class CorsTest extends HttpTestSupport {

    private static final String FRONT_END = "https://app.example.com";
    private static final String PASSWORD = "correct horse battery";

    @Override
    protected Map<String, String> extraProperties() {
        // Micronaut refuses non-local origins on a localhost Host by itself; production has a real host name, so
        // switch that off here to see what the allowlist alone decides
        return Map.of("authrag.edge.cors-allowed-origins", " " + FRONT_END + " , http://localhost:5173,",
                "micronaut.server.cors.localhost-pass-through", "true");
    }

    @Test
    void aPreflightFromAnAllowedOrigin_isAnsweredWithoutAuthentication() {
        HttpResponse<String> preflight = send("OPTIONS", "/api/auth/verify", null, "Origin", FRONT_END,
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization, x-request-id");

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(FRONT_END);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(preflight.headers().allValues("Access-Control-Allow-Methods")).contains("GET");
        assertThat(String.join(",", preflight.headers().allValues("Access-Control-Allow-Headers")).toLowerCase())
                .contains("authorization").contains("x-request-id");
        assertThat(preflight.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).containsIgnoringCase("Origin"));
        assertThat(preflight.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void aPreflightForAPostWithJson_fromTheSecondAllowedOrigin_isAllowed() {
        HttpResponse<String> preflight = send("OPTIONS", "/api/auth/sign-in", null, "Origin", "http://localhost:5173",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
    }

    @Test
    void aPreflightFromADisallowedOrigin_getsNoCorsHeaders() {
        for (String origin : List.of("https://evil.example", "http://app.example.com", "https://app.example.com.evil.example",
                "https://app.example.com:8443", "null")) {
            HttpResponse<String> preflight = send("OPTIONS", "/api/auth/verify", null, "Origin", origin,
                    "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization");

            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).as(origin).isEmpty();
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).as(origin).isEmpty();
        }
    }

    @Test
    void aPreflightForAMethodOutsideTheList_isNotAllowed() {
        HttpResponse<String> preflight = send("OPTIONS", "/api/auth/verify", null, "Origin", FRONT_END,
                "Access-Control-Request-Method", "PUT");

        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
        assertThat(preflight.statusCode()).isNotEqualTo(200);
    }

    @Test
    void aCredentialedRequestFromAnAllowedOrigin_mayReadTheResponse_andTheExposedHeaders() {
        String email = uniqueEmail();
        String token = signedInToken(email, PASSWORD);

        HttpResponse<String> verify = get("/api/auth/verify", "Origin", FRONT_END, "Cookie", "session_token=" + token);

        assertThat(verify.statusCode()).isEqualTo(200);
        assertThat(verify.headers().firstValue("Access-Control-Allow-Origin")).hasValue(FRONT_END);
        assertThat(verify.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(String.join(",", verify.headers().allValues("Access-Control-Expose-Headers")))
                .contains("RateLimit").contains("RateLimit-Policy").contains("Retry-After").contains("X-Request-Id");
    }

    @Test
    void aRequestFromADisallowedOrigin_getsNoCorsHeaders() {
        String token = signedInToken(uniqueEmail(), PASSWORD);

        HttpResponse<String> verify = get("/api/auth/verify", "Origin", "https://evil.example", "Cookie", "session_token=" + token);

        assertThat(verify.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(verify.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void anErrorForAnAllowedOrigin_isReadableToo() {
        HttpResponse<String> unauthorized = get("/api/auth/verify", "Origin", FRONT_END);

        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.headers().firstValue("Access-Control-Allow-Origin")).hasValue(FRONT_END);
    }
}
