package dev.authrag.bootstrap.auth;

import dev.authrag.bootstrap.support.HttpTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The password policy as a client meets it: each reason for a 400 {@code weak_password}, and NFKC throughout. */
@MicronautTest(transactional = false)
class PasswordPolicyJourneyTest extends HttpTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {"password123", "qwerty123", "iloveyou", "sunshine", "trustno1", "Password123", "QWERTY123"})
    void aCommonPassword_isRefusedAsCommon(String password) {
        assertRefused(register(uniqueEmail(), password), "common");
    }

    @Test
    void theFullWidthFormOfACommonPassword_isStillCommon() {
        assertRefused(register(uniqueEmail(), "ｐａｓｓｗｏｒｄ１２３"), "common");
    }

    @Test
    void aShortPassword_isTooShort() {
        assertRefused(register(uniqueEmail(), "v7#Lq2"), "too_short");
    }

    @Test
    void aPasswordOverOneHundredTwentyEightCharacters_isTooLong() {
        assertRefused(register(uniqueEmail(), "v7#Lq2zW".repeat(16) + "x"), "too_long");
    }

    @Test
    void aPasswordContainingTheEmailsName_isRefused() {
        assertRefused(register("ada.lovelace@example.com", "ada.lovelace rules"), "contains_email");
        assertRefused(register("grace@example.com", "GRACE-hopper-1906"), "contains_email");
    }

    @Test
    void theFullWidthFormOfTheEmailsName_stillContainsIt() {
        assertRefused(register("grace@example.com", "ｇｒａｃｅ hopper 1906"), "contains_email");
    }

    @Test
    void aPasswordFailingSeveralChecks_namesEveryReason() {
        assertRefused(register("monkey@example.com", "monkey"), "too_short", "common", "contains_email");
    }

    @Test
    void anUncommonPassword_isAccepted() {
        assertThat(register(uniqueEmail(), "correct horse battery").statusCode()).isEqualTo(201);
    }

    @Test
    void aFullWidthPassword_isStoredNormalised_soItsAsciiFormSignsIn() {
        String email = uniqueEmail();
        assertThat(register(email, "ｃｏｒｒｅｃｔ　ｈｏｒｓｅ　ｂａｔｔｅｒｙ").statusCode()).isEqualTo(201);

        assertThat(post("/api/auth/sign-in", credentials(email, "correct horse battery")).statusCode()).isEqualTo(200);
        assertThat(post("/api/auth/sign-in", credentials(email, "ｃｏｒｒｅｃｔ　ｈｏｒｓｅ　ｂａｔｔｅｒｙ")).statusCode()).isEqualTo(200);
    }

    private void assertRefused(HttpResponse<String> response, String... reasons) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        Map<String, Object> body = body(response);
        assertThat(body).containsEntry("code", "weak_password").containsEntry("reasons", List.of(reasons));
        assertThat(body.get("errors").toString()).contains("password");
    }
}
