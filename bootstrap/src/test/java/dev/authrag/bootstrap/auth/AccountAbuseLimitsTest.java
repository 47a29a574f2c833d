package dev.authrag.bootstrap.auth;

import dev.authrag.bootstrap.support.HttpTestSupport;
import dev.authrag.bootstrap.support.MutableClockFactory;
import dev.authrag.bootstrap.support.StructuredFieldList;
import dev.authrag.bootstrap.support.StructuredFieldList.Item;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One signed-in account looping on a route: change-password is no password oracle (wrong current passwords count
 * towards the lockout, are limited per user and audited) and access tokens cannot be minted without end. The lockout
 * threshold is lowered to 3 so that it bites before the per-user limit of 5; the clock stands still.
 */
@MicronautTest(transactional = false)
class AccountAbuseLimitsTest extends HttpTestSupport {

    private static final String PASSWORD = "correct horse battery";
    private static final String NEW_PASSWORD = "tranquil meadow lantern";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("authrag.rate-limit.enabled", "true",
                "authrag.rate-limit.signin-per-ip", "1000/1m",
                "authrag.rate-limit.signin-per-email", "1000/1m",
                "authrag.rate-limit.register-per-ip", "1000/1m",
                "authrag.lockout.threshold", "3",
                MutableClockFactory.PROPERTY, "mutable");
    }

    @Test
    void wrongCurrentPasswords_lockTheAccount_andThenTheRightOneIsRefusedToo() {
        String email = uniqueEmail();
        String token = signedInToken(email, PASSWORD);
        HttpResponse<String> wrong = null;
        for (int i = 1; i <= 3; i++) {
            wrong = change(token, "not the password " + i, NEW_PASSWORD);
            assertThat(wrong.statusCode()).as("attempt " + i).isEqualTo(401);
        }

        HttpResponse<String> right = change(token, PASSWORD, NEW_PASSWORD);

        assertThat(right.statusCode()).isEqualTo(401);
        assertThat(body(right)).containsEntry("code", body(wrong).get("code")).containsEntry("detail", body(wrong).get("detail"));
        assertThat(post("/api/auth/sign-in", credentials(email, PASSWORD)).statusCode()).as("sign-in is locked too").isEqualTo(401);
        assertThat(post("/api/auth/sign-in", credentials(email, NEW_PASSWORD)).statusCode()).as("nothing changed").isEqualTo(401);
    }

    @Test
    void everyFailure_isAudited_andTheOwnerSeesIt() {
        String token = signedInToken(uniqueEmail(), PASSWORD);
        change(token, "not the password", NEW_PASSWORD);
        change(token, "still not it", NEW_PASSWORD);
        change(token, "nor this", NEW_PASSWORD);
        change(token, PASSWORD, NEW_PASSWORD);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) body(get("/api/auth/events",
                "Authorization", "Bearer " + token)).get("events");

        assertThat(events).filteredOn(event -> "password_change_failed".equals(event.get("type")))
                .extracting(event -> event.get("reason"))
                .as("one clock instant for all, so in any order")
                .containsExactlyInAnyOrder("account_locked", "wrong_password", "wrong_password", "wrong_password");
        assertThat(events).filteredOn(event -> "password_change_failed".equals(event.get("type")))
                .allSatisfy(event -> assertThat(event).containsEntry("outcome", "failure"));
    }

    @Test
    void theSixthChangeInAMinute_isRateLimited_perUser_withTheFields() {
        String alice = signedInToken(uniqueEmail(), PASSWORD);
        String bob = signedInToken(uniqueEmail(), PASSWORD);
        for (int i = 1; i <= 5; i++) {
            // a weak new password: refused by policy before the current password is checked, so no lockout
            HttpResponse<String> attempt = change(alice, "not the password", "short");
            assertThat(attempt.statusCode()).as("attempt " + i).isEqualTo(400);
            assertThat(state(attempt).get("change-password-user").integer("r")).isEqualTo(5 - i);
        }

        HttpResponse<String> sixth = change(alice, PASSWORD, NEW_PASSWORD);

        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(body(sixth)).containsEntry("code", "rate_limited");
        assertThat(body(sixth).get("detail").toString()).startsWith("Too many password change attempts.");
        assertThat(sixth.headers().firstValue("Retry-After")).hasValue("12");
        Map<Object, Item> policy = StructuredFieldList.byValue(sixth.headers().firstValue("RateLimit-Policy").orElseThrow());
        assertThat(policy).containsOnlyKeys("change-password-user");
        assertThat(policy.get("change-password-user").integer("q")).isEqualTo(5);
        assertThat(policy.get("change-password-user").integer("w")).isEqualTo(60);
        assertThat(state(sixth).get("change-password-user").integer("r")).isZero();
        assertThat(change(bob, PASSWORD, NEW_PASSWORD).statusCode()).as("another user").isEqualTo(200);
    }

    @Test
    void theThirtyFirstTokenOfASession_isRateLimited_whileAnotherSessionIsNot() {
        String email = uniqueEmail();
        String first = signedInToken(email, PASSWORD);
        String second = (String) body(post("/api/auth/sign-in", credentials(email, PASSWORD))).get("session_token");
        for (int i = 1; i <= 30; i++) {
            HttpResponse<String> minted = token(first);
            assertThat(minted.statusCode()).as("token " + i).isEqualTo(200);
            assertThat(state(minted).get("token-session").integer("r")).isEqualTo(30 - i);
        }

        HttpResponse<String> limited = token(first);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(body(limited)).containsEntry("code", "rate_limited");
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(limited.headers().firstValue("RateLimit-Policy")).hasValue("\"token-session\";q=30;w=60");
        assertThat(token(second).statusCode()).as("the user's other session").isEqualTo(200);
    }

    private HttpResponse<String> change(String token, String current, String next) {
        return post("/api/auth/change-password", "{\"current_password\":\"" + current + "\",\"new_password\":\"" + next + "\"}",
                "Authorization", "Bearer " + token);
    }

    private HttpResponse<String> token(String session) {
        return post("/api/auth/token", null, "Authorization", "Bearer " + session);
    }

    private static Map<Object, Item> state(HttpResponse<String> response) {
        return StructuredFieldList.byValue(response.headers().firstValue("RateLimit").orElseThrow());
    }
}
