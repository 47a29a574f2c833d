package dev.authrag.bootstrap.edge;

import dev.authrag.bootstrap.support.HttpTestSupport;
import dev.authrag.bootstrap.support.MutableClockFactory;
import dev.authrag.bootstrap.support.RawHttp;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request forged from another site with the browser's cookie is refused before it changes anything. Every request is
 * sent with a public {@code Host}, as the service is reached in production: Micronaut's CORS filter refuses foreign
 * origins by itself when the Host is localhost, which would make these tests pass for the wrong reason. Rate limits on,
 * clock standing still, so the token bucket shows what a refusal cost.
 */
@MicronautTest(transactional = false)
class CrossSiteRequestTest extends HttpTestSupport {

    private static final String HOST = "api.example.com";
    private static final String FRONT_END = "https://app.example.com";
    private static final String EVIL = "https://evil.example";
    private static final String PASSWORD = "correct horse battery";
    private static final String NEW_PASSWORD = "tranquil meadow lantern";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("authrag.edge.cors-allowed-origins", FRONT_END,
                "authrag.rate-limit.enabled", "true",
                "authrag.rate-limit.signin-per-ip", "1000/1m",
                "authrag.rate-limit.register-per-ip", "1000/1m",
                MutableClockFactory.PROPERTY, "mutable");
    }

    @Test
    void aCookieSignOut_fromAForeignOrigin_isRefused_andTheSessionLives() {
        String token = signedInToken(uniqueEmail(), PASSWORD);

        RawHttp.Response forged = raw("POST", "/api/auth/sign-out", cookie(token), "Origin", EVIL);

        assertCrossSiteRefusal(forged);
        assertThat(forged.header("Set-Cookie")).isEmpty();
        assertThat(verify(token)).as("the session is still valid").isEqualTo(200);
    }

    @Test
    void aCookieDelete_fromAForeignOrigin_isRefused_andTheSessionLives() {
        String token = signedInToken(uniqueEmail(), PASSWORD);
        String sessionId = currentSessionId(token);

        RawHttp.Response forged = raw("DELETE", "/api/auth/sessions/" + sessionId, cookie(token), "Origin", EVIL);

        assertCrossSiteRefusal(forged);
        assertThat(verify(token)).isEqualTo(200);
    }

    @Test
    void aCookieChangePassword_fromAForeignOrigin_isRefused_andThePasswordStays() {
        String email = uniqueEmail();
        String token = signedInToken(email, PASSWORD);

        RawHttp.Response forged = rawJson("/api/auth/change-password",
                "{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"" + NEW_PASSWORD + "\"}", cookie(token),
                "Origin", EVIL);

        assertCrossSiteRefusal(forged);
        assertThat(post("/api/auth/sign-in", credentials(email, PASSWORD)).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutOrigin_SecFetchSiteCrossSiteOrSameSite_isRefused() {
        String token = signedInToken(uniqueEmail(), PASSWORD);

        assertCrossSiteRefusal(raw("POST", "/api/auth/sign-out", cookie(token), "Sec-Fetch-Site", "cross-site"));
        assertCrossSiteRefusal(raw("POST", "/api/auth/sign-out", cookie(token), "Sec-Fetch-Site", "same-site"));
        assertThat(verify(token)).isEqualTo(200);
    }

    @Test
    void theOpaqueOriginNull_andAnotherPortOrScheme_areForeign() {
        String token = signedInToken(uniqueEmail(), PASSWORD);

        for (String origin : List.of("null", "https://api.example.com:8443", "https://api.example.com.evil.example",
                "https://app.example.com:444", "http://app.example.com")) {
            assertCrossSiteRefusal(raw("POST", "/api/auth/sign-out", cookie(token), "Origin", origin));
        }
        assertThat(verify(token)).isEqualTo(200);
    }

    @Test
    void aRefusedRequest_spendsNoRateLimitBudget() {
        String token = signedInToken(uniqueEmail(), PASSWORD);

        for (int i = 0; i < 3; i++) {
            assertCrossSiteRefusal(raw("POST", "/api/auth/token", cookie(token), "Origin", EVIL));
        }
        RawHttp.Response allowed = raw("POST", "/api/auth/token", cookie(token), "Origin", FRONT_END);

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("RateLimit")).hasValueSatisfying(state -> assertThat(state).startsWith("\"token-session\";r=29;"));
    }

    @Test
    void anAllowedOrigin_passes() {
        String token = signedInToken(uniqueEmail(), PASSWORD);

        RawHttp.Response signOut = raw("POST", "/api/auth/sign-out", cookie(token), "Origin", FRONT_END);

        assertThat(signOut.status()).isEqualTo(200);
        assertThat(signOut.header("Access-Control-Allow-Origin")).hasValue(FRONT_END);
        assertThat(verify(token)).isEqualTo(401);
    }

    @Test
    void theServicesOwnOrigin_passes_byTheHostItWasAddressedAs() {
        for (String own : List.of("https://api.example.com", "http://api.example.com", "https://API.example.com")) {
            String token = signedInToken(uniqueEmail(), PASSWORD);

            assertThat(raw("POST", "/api/auth/sign-out", cookie(token), "Origin", own).status()).as(own).isEqualTo(200);
            assertThat(verify(token)).isEqualTo(401);
        }
        String token = signedInToken(uniqueEmail(), PASSWORD);
        RawHttp.Response withPort = RawHttp.exchange(server.getPort(), RawHttp.request("POST", "/api/auth/sign-out",
                "api.example.com:8443", List.of(cookie(token), Map.entry("Origin", "https://api.example.com:8443")), new byte[0]),
                Duration.ofSeconds(30));
        assertThat(withPort.status()).isEqualTo(200);
    }

    @Test
    void secFetchSiteSameOriginOrNone_withoutOrigin_passes() {
        String first = signedInToken(uniqueEmail(), PASSWORD);
        String second = signedInToken(uniqueEmail(), PASSWORD);

        assertThat(raw("POST", "/api/auth/sign-out", cookie(first), "Sec-Fetch-Site", "same-origin").status()).isEqualTo(200);
        assertThat(raw("POST", "/api/auth/sign-out", cookie(second), "Sec-Fetch-Site", "none").status()).isEqualTo(200);
        assertThat(verify(first)).isEqualTo(401);
        assertThat(verify(second)).isEqualTo(401);
    }

    @Test
    void aRequestWithNeitherOriginNorSecFetch_isUnaffected() {
        String token = signedInToken(uniqueEmail(), PASSWORD);

        assertThat(raw("POST", "/api/auth/sign-out", cookie(token)).status()).isEqualTo(200);
        assertThat(verify(token)).isEqualTo(401);
    }

    @Test
    void aRequestAuthenticatedByAuthorization_isUnaffected_evenFromAForeignOrigin_andWithTheCookie() {
        String token = signedInToken(uniqueEmail(), PASSWORD);
        String other = signedInToken(uniqueEmail(), PASSWORD);
        // the cookie's session is now remembered, so it validates at once while the Bearer token needs a lookup:
        // micronaut-security validates every token it finds concurrently, so the cookie must not be found at all
        assertThat(verify(other)).isEqualTo(200);

        RawHttp.Response signOut = raw("POST", "/api/auth/sign-out", Map.entry("Authorization", "Bearer " + token),
                "Origin", EVIL, "Cookie", "session_token=" + other);

        assertThat(signOut.status()).isEqualTo(200);
        assertThat(verify(token)).isEqualTo(401);
        assertThat(verify(other)).as("the cookie's session was not the credential").isEqualTo(200);
    }

    @Test
    void aSafeMethod_withTheCookie_fromAForeignOrigin_isNotThisRulesBusiness() {
        String token = signedInToken(uniqueEmail(), PASSWORD);

        RawHttp.Response read = raw("GET", "/api/auth/verify", cookie(token), "Origin", EVIL);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Access-Control-Allow-Origin")).as("CORS still hides the answer").isEmpty();
    }

    private void assertCrossSiteRefusal(RawHttp.Response response) {
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"cross_site_request\"").contains("\"request_id\"");
    }

    private int verify(String token) {
        return get("/api/auth/verify", "Authorization", "Bearer " + token).statusCode();
    }

    @SuppressWarnings("unchecked")
    private String currentSessionId(String token) {
        Map<String, Object> verified = body(get("/api/auth/verify", "Authorization", "Bearer " + token));
        return (String) ((Map<String, Object>) verified.get("session")).get("id");
    }

    private static Map.Entry<String, String> cookie(String token) {
        return Map.entry("Cookie", "session_token=" + token);
    }

    private RawHttp.Response raw(String method, String path, Map.Entry<String, String> credential, String... headers) {
        return send(method, path, null, credential, headers);
    }

    private RawHttp.Response rawJson(String path, String body, Map.Entry<String, String> credential, String... headers) {
        return send("POST", path, body, credential, headers);
    }

    private RawHttp.Response send(String method, String path, String body, Map.Entry<String, String> credential, String... headers) {
        List<Map.Entry<String, String>> all = new ArrayList<>();
        all.add(credential);
        for (int i = 0; i < headers.length; i += 2) {
            all.add(Map.entry(headers[i], headers[i + 1]));
        }
        if (body != null) {
            all.add(Map.entry("Content-Type", "application/json"));
        }
        return RawHttp.exchange(server.getPort(), RawHttp.request(method, path, HOST, all,
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8)), Duration.ofSeconds(30));
    }
}
