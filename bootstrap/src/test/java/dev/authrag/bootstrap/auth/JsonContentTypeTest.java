package dev.authrag.bootstrap.auth;

import dev.authrag.bootstrap.support.HttpTestSupport;
import dev.authrag.bootstrap.support.RawHttp;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route that takes a JSON body answers 415 {@code unsupported_media_type} to a request without a content type or
 * with another one (what a cross-site form or a text {@code fetch} sends), and does nothing; a route without a body
 * needs no content type.
 */
@MicronautTest(transactional = false)
class JsonContentTypeTest extends HttpTestSupport {

    private static final String PASSWORD = "correct horse battery";
    private static final String NEW_PASSWORD = "tranquil meadow lantern";
    /** No content type at all, an empty one, and the two a cross-site form or a text fetch sends. */
    private static final List<String> TYPES = Arrays.asList(null, "", "text/plain", "application/x-www-form-urlencoded");

    @Test
    void aRegistrationWithoutContentType_is415_andCreatesNoAccount() {
        String email = uniqueEmail();

        for (String type : TYPES) {
            assertUnsupported(raw("/api/auth/register", credentials(email, PASSWORD), type, null));
            assertUnsupported(raw("/api/auth/register/", credentials(email, PASSWORD), type, null));
        }

        assertThat(register(email, PASSWORD).statusCode()).as("the email is still free").isEqualTo(201);
    }

    @Test
    void aSignInWithoutContentType_is415_andOpensNoSession() {
        String email = uniqueEmail();
        register(email, PASSWORD);

        for (String type : TYPES) {
            RawHttp.Response signIn = raw("/api/auth/sign-in", credentials(email, PASSWORD), type, null);
            assertUnsupported(signIn);
            assertThat(signIn.header("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void aPasswordChangeWithoutContentType_is415_andThePasswordStays() {
        String email = uniqueEmail();
        String token = signedInToken(email, PASSWORD);
        String change = "{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"" + NEW_PASSWORD + "\"}";

        for (String type : TYPES) {
            assertUnsupported(raw("/api/auth/change-password", change, type, token));
        }

        assertThat(post("/api/auth/sign-in", credentials(email, PASSWORD)).statusCode()).isEqualTo(200);
    }

    @Test
    void aChatMessageWithoutContentType_is415() {
        String token = signedInToken(uniqueEmail(), PASSWORD);

        for (String type : TYPES) {
            assertUnsupported(raw("/api/chat/message", "{\"message\":\"How do sessions expire?\"}", type, token));
        }
    }

    @Test
    void jsonWithACharset_isJson() {
        HttpResponse<String> registered = post("/api/auth/register", credentials(uniqueEmail(), PASSWORD),
                "Content-Type", "application/json; charset=utf-8");

        assertThat(registered.statusCode()).isEqualTo(201);
    }

    @Test
    void routesWithoutABody_needNoContentType() {
        String token = signedInToken(uniqueEmail(), PASSWORD);

        assertThat(post("/api/auth/token", null, "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        assertThat(post("/api/auth/sign-out", null, "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
    }

    /** A JSON body with the given content type header ({@code null}: none at all), over a raw socket. */
    private RawHttp.Response raw(String path, String body, String contentType, String bearer) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (contentType != null) {
            headers.add(Map.entry("Content-Type", contentType));
        }
        if (bearer != null) {
            headers.add(Map.entry("Authorization", "Bearer " + bearer));
        }
        return RawHttp.exchange(server.getPort(), RawHttp.request("POST", path, headers, body.getBytes(StandardCharsets.UTF_8)),
                Duration.ofSeconds(30));
    }

    private static void assertUnsupported(RawHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(415);
        assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"unsupported_media_type\"").contains("\"request_id\"");
    }
}
