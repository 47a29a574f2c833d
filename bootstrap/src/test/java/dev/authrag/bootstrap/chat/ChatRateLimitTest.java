package dev.authrag.bootstrap.chat;

import dev.authrag.bootstrap.support.HttpTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Ten chat messages per minute per user, shared limiter: the eleventh is a 429 while another user is unaffected. */
@MicronautTest(transactional = false)
class ChatRateLimitTest extends HttpTestSupport {

    private static final String PASSWORD = "correct horse battery";

    @Override
    protected Map<String, String> extraProperties() {
        // generous network limits so that only the per-user chat limit is exercised
        return Map.of("authrag.rate-limit.enabled", "true",
                "authrag.rate-limit.signin-per-ip", "1000/1m",
                "authrag.rate-limit.register-per-ip", "1000/1m");
    }

    @Test
    void theEleventhMessageInAMinute_isRateLimited_perUser() {
        String alice = signedInToken(uniqueEmail(), PASSWORD);
        String bob = signedInToken(uniqueEmail(), PASSWORD);

        for (int i = 1; i <= 10; i++) {
            HttpResponse<String> response = ask(alice);
            assertThat(response.statusCode()).as("message " + i).isEqualTo(200);
            assertThat(response.headers().firstValue("RateLimit-Policy")).hasValueSatisfying(policy ->
                    assertThat(policy).contains("\"chat-user\";q=10;w=60"));
            String remaining = "\"chat-user\";r=" + (10 - i);
            assertThat(response.headers().firstValue("RateLimit")).hasValueSatisfying(state ->
                    assertThat(state).contains(remaining));
        }

        HttpResponse<String> limited = ask(alice);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(body(limited)).containsEntry("code", "rate_limited");
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(ask(bob).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> ask(String token) {
        return post("/api/chat/message", "{\"message\":\"How do sessions expire?\"}", "Authorization", "Bearer " + token);
    }
}
