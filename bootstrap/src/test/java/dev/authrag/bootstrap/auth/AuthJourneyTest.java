package dev.authrag.bootstrap.auth;

import dev.authrag.bootstrap.support.HttpTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class AuthJourneyTest extends HttpTestSupport {

    private static final String PASSWORD = "correct horse battery";

    @Test
    void register_returnsTheNewAccountWithItsNormalisedEmail() {
        String email = uniqueEmail();
        HttpResponse<String> response = post("/api/auth/register",
                "{\"email\":\"  " + email.toUpperCase() + " \",\"password\":\"" + PASSWORD + "\",\"name\":\" Ada \"}");

        assertThat(response.statusCode()).isEqualTo(201);
        Map<String, Object> body = body(response);
        assertThat(body).containsKeys("user_id", "email", "name", "created_at", "message");
        assertThat(body.get("email")).isEqualTo(email);
        assertThat(body.get("name")).isEqualTo("Ada");
        assertThat((String) body.get("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void register_withTheSameEmailInOtherLetterCase_isAConflict() {
        String email = uniqueEmail();
        assertThat(register(email, PASSWORD).statusCode()).isEqualTo(201);

        HttpResponse<String> again = register(email.toUpperCase(), PASSWORD);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(body(again)).containsEntry("code", "email_taken").containsEntry("detail", "Email already in use");
    }

    @Test
    void register_withAnInvalidEmailOrWeakPassword_namesTheProblem() {
        HttpResponse<String> badEmail = register("not-an-email", PASSWORD);
        HttpResponse<String> weak = register(uniqueEmail(), "short");

        assertThat(badEmail.statusCode()).isEqualTo(400);
        assertThat(body(badEmail)).containsEntry("code", "invalid_email");
        assertThat(body(badEmail).get("errors").toString()).contains("email");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(body(weak)).containsEntry("code", "weak_password").containsEntry("reasons", List.of("too_short"));
    }

    @Test
    void signIn_withWrongPassword_isRejectedLikeAnUnknownEmail() {
        String email = uniqueEmail();
        register(email, PASSWORD);

        HttpResponse<String> wrongPassword = post("/api/auth/sign-in", credentials(email, "not the password"));
        HttpResponse<String> unknownEmail = post("/api/auth/sign-in", credentials(uniqueEmail(), "not the password"));
        HttpResponse<String> malformedEmail = post("/api/auth/sign-in", credentials("nobody", "not the password"));

        for (HttpResponse<String> response : List.of(wrongPassword, unknownEmail, malformedEmail)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        }
        assertThat(withoutRequestId(wrongPassword)).isEqualTo(withoutRequestId(unknownEmail)).isEqualTo(withoutRequestId(malformedEmail));
        assertThat(body(wrongPassword)).containsEntry("code", "invalid_credentials").containsEntry("detail", "Invalid email or password");
    }

    @Test
    void signIn_setsAnHttpOnlySecureCookieAndReturnsTheSameToken() {
        String email = uniqueEmail();
        register(email, PASSWORD);

        HttpResponse<String> response = post("/api/auth/sign-in", credentials(email, PASSWORD));

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> body = body(response);
        String token = (String) body.get("session_token");
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(body).containsKeys("user_id", "email", "name", "message", "session");
        assertThat(response.headers().firstValue("Set-Cookie")).hasValue(
                "session_token=" + token + "; Max-Age=604800; Path=/; Secure; HttpOnly; SameSite=Lax");
    }

    @Test
    void verify_acceptsTheCookieAndTheBearerToken_andSignOutEndsTheSession() {
        String email = uniqueEmail();
        String token = signedInToken(email, PASSWORD);

        HttpResponse<String> byCookie = get("/api/auth/verify", "Cookie", "session_token=" + token);
        HttpResponse<String> byBearer = get("/api/auth/verify", "Authorization", "Bearer " + token);

        assertThat(byCookie.statusCode()).isEqualTo(200);
        assertThat(byBearer.statusCode()).isEqualTo(200);
        assertThat(body(byBearer).get("user").toString()).contains(email);
        assertThat(body(byBearer)).containsKeys("user", "session");

        HttpResponse<String> signOut = post("/api/auth/sign-out", null, "Cookie", "session_token=" + token);
        assertThat(signOut.statusCode()).isEqualTo(200);
        assertThat(signOut.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                assertThat(cookie).startsWith("session_token=; Max-Age=0;"));

        HttpResponse<String> after = get("/api/auth/verify", "Authorization", "Bearer " + token);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(get("/api/auth/verify", "Cookie", "session_token=" + token).statusCode()).isEqualTo(401);
    }

    @Test
    void protectedRoutes_withoutOrWithAForgedCredential_areUnauthorized() {
        for (String[] headers : List.of(new String[0],
                new String[]{"Authorization", "Bearer " + "A".repeat(43)},
                new String[]{"Authorization", "Bearer not-a-token"},
                new String[]{"Cookie", "session_token=garbage"})) {
            HttpResponse<String> response = get("/api/auth/verify", headers);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(body(response)).containsEntry("code", "unauthenticated").containsKey("request_id");
            assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        }
        assertThat(post("/api/auth/sign-out", null).statusCode()).isEqualTo(401);
    }

    @Test
    void storage_keepsOnlyTheSha256OfTheTokenAndAnArgon2idHash() throws Exception {
        String email = uniqueEmail();
        String token = signedInToken(email, PASSWORD);
        String expectedHash = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));

        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT s.*, u.password_hash FROM sessions s JOIN users u ON u.id = s.user_id "
                     + "WHERE u.email = '" + email + "'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("token_hash")).isEqualTo(expectedHash);
            assertThat(rows.getString("password_hash")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
            for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                String value = rows.getString(column);
                assertThat(value == null || !value.contains(token)).isTrue();
                assertThat(value == null || !value.contains(PASSWORD)).isTrue();
            }
        }
    }

    @Test
    void twentyParallelRegistrationsOfOneEmail_createExactlyOneAccount() throws Exception {
        String email = uniqueEmail();
        List<Thread> threads = new ArrayList<>();
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 20; i++) {
            String variant = i % 2 == 0 ? email : email.toUpperCase();
            Thread thread = new Thread(() -> statuses.add(register(variant, PASSWORD).statusCode()));
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(statuses).hasSize(20);
        assertThat(statuses.stream().filter(status -> status == 201).count()).isEqualTo(1);
        assertThat(statuses.stream().filter(status -> status == 409).count()).isEqualTo(19);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM users WHERE email = '" + email + "'")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    private Map<String, Object> withoutRequestId(HttpResponse<String> response) {
        Map<String, Object> body = new java.util.HashMap<>(body(response));
        body.remove("request_id");
        return body;
    }
}
