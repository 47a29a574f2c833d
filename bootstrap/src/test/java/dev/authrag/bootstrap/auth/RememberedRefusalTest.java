package dev.authrag.bootstrap.auth;


import dev.authrag.bootstrap.support.HttpTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session token remembered as refused is answered before the security filter (RememberedRefusalFilter): the answer
 * must be exactly the one the security filter gives on the first refusal, which needed a lookup, and a route open to
 * anonymous callers must still treat such a token as no credential at all.
 */
@MicronautTest(transactional = false)
class RememberedRefusalTest extends HttpTestSupport {

    private static final String PASSWORD = "correct horse battery";

    @Test
    void aRefusedToken_isAnsweredTheSameFromMemory_asOnItsFirstRefusal() {
        String token = signedInToken(uniqueEmail(), PASSWORD);
        assertThat(post("/api/auth/sign-out", null, "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);

        for (String[] credential : new String[][]{{"Authorization", "Bearer " + token}, {"Cookie", "session_token=" + token}}) {
            HttpResponse<String> first = get("/api/auth/verify", credential);
            HttpResponse<String> remembered = get("/api/auth/verify", credential);
            HttpResponse<String> elsewhere = get("/api/auth/sessions", credential);

            for (HttpResponse<String> refusal : java.util.List.of(first, remembered, elsewhere)) {
                assertThat(refusal.statusCode()).isEqualTo(401);
                assertThat(refusal.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(refusal.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"authrag\", error=\"invalid_token\"");
                assertThat(refusal.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
                assertThat(refusal.headers().firstValue("Cache-Control")).hasValue("no-store");
                Map<String, Object> problem = body(refusal);
                assertThat(problem.get("code")).isEqualTo("unauthenticated");
                assertThat(problem.get("detail")).isEqualTo(body(first).get("detail"));
                assertThat(problem.get("request_id")).isNotNull();
            }
        }
    }

    @Test
    void aRefusedToken_onARouteOpenToAnyone_isNoCredentialAtAll() {
        String email = uniqueEmail();
        String token = signedInToken(email, PASSWORD);
        post("/api/auth/sign-out", null, "Authorization", "Bearer " + token);
        assertThat(get("/api/auth/verify", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);

        assertThat(post("/api/auth/sign-in", credentials(email, PASSWORD), "Cookie", "session_token=" + token).statusCode())
                .isEqualTo(200);
        assertThat(register(uniqueEmail(), PASSWORD).statusCode()).isEqualTo(201);
        assertThat(get("/health/liveness", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
    }
}
