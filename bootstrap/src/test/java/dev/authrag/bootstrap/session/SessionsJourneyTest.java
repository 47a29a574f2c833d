package dev.authrag.bootstrap.session;

import dev.authrag.bootstrap.support.HttpTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The session list, revoke, revoke-others and change-password journeys over real HTTP on PostgreSQL. */
@MicronautTest(transactional = false)
class SessionsJourneyTest extends HttpTestSupport {

    private static final String PASSWORD = "correct horse battery";
    private static final String NEW_PASSWORD = "tranquil meadow lantern";

    @Override
    protected Map<String, String> extraProperties() {
        // the revocation cache's database poll never runs during a test: what it must learn, it learns at once
        return Map.of("authrag.token.revocation-poll", "1h");
    }

    @Test
    void list_showsTheCallersActiveSessionsNewestFirstAndMarksTheCurrentOne() {
        String email = uniqueEmail();
        register(email, PASSWORD);
        SignedIn laptop = signIn(email, PASSWORD, "Laptop/1.0");
        SignedIn phone = signIn(email, PASSWORD, "Phone/2.0");
        registeredAndSignedIn("Someone else");

        HttpResponse<String> response = get("/api/auth/sessions", bearer(phone));

        assertThat(response.statusCode()).isEqualTo(200);
        List<Map<String, Object>> sessions = sessions(response);
        assertThat(sessions).extracting(session -> session.get("id")).containsExactly(phone.sessionId(), laptop.sessionId());
        assertThat(sessions).extracting(session -> session.get("current")).containsExactly(true, false);
        assertThat(sessions.get(0).keySet()).containsExactlyInAnyOrder(
                "id", "created_at", "last_used_at", "expires_at", "ip_address", "user_agent", "current");
        assertThat(sessions.get(0)).containsEntry("ip_address", "127.0.0.1").containsEntry("user_agent", "Phone/2.0");
        assertThat((String) sessions.get(0).get("expires_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void list_neverContainsATokenOrItsHash() {
        String email = uniqueEmail();
        register(email, PASSWORD);
        SignedIn laptop = signIn(email, PASSWORD, "Laptop/1.0");
        SignedIn phone = signIn(email, PASSWORD, "Phone/2.0");

        String body = get("/api/auth/sessions", cookie(laptop)).body();

        for (SignedIn signedIn : List.of(laptop, phone)) {
            assertThat(body).doesNotContain(signedIn.token()).doesNotContain(sha256(signedIn.token()));
        }
        assertThat(body).doesNotContainIgnoringCase("token").doesNotContainIgnoringCase("hash");
    }

    @Test
    void list_leavesOutRevokedSessions() {
        String email = uniqueEmail();
        register(email, PASSWORD);
        SignedIn laptop = signIn(email, PASSWORD, "Laptop/1.0");
        SignedIn phone = signIn(email, PASSWORD, "Phone/2.0");
        post("/api/auth/sign-out", null, cookie(laptop));

        assertThat(sessions(get("/api/auth/sessions", bearer(phone)))).extracting(session -> session.get("id"))
                .containsExactly(phone.sessionId());
    }

    @Test
    void sessionRoutes_withoutCredentials_areUnauthorized() {
        String id = UUID.randomUUID().toString();
        for (HttpResponse<String> response : List.of(get("/api/auth/sessions"),
                send("DELETE", "/api/auth/sessions/" + id, null),
                send("DELETE", "/api/auth/sessions/not-a-uuid", null),
                post("/api/auth/sessions/revoke-others", null),
                post("/api/auth/change-password", changeBody(PASSWORD, NEW_PASSWORD)))) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        }
    }

    @Test
    void delete_ofAnotherOfTheCallersSessions_endsOnlyThatOne() {
        String email = uniqueEmail();
        register(email, PASSWORD);
        SignedIn laptop = signIn(email, PASSWORD, "Laptop/1.0");
        SignedIn phone = signIn(email, PASSWORD, "Phone/2.0");

        HttpResponse<String> response = send("DELETE", "/api/auth/sessions/" + laptop.sessionId(), null, bearer(phone));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(verify(laptop)).isEqualTo(401);
        assertThat(verify(phone)).isEqualTo(200);
        assertThat(revokeReason(laptop)).isEqualTo("REVOKED_BY_USER");
    }

    @Test
    void delete_ofAnotherUsersSession_isNotFoundAndLeavesItWorking() {
        SignedIn alice = registeredAndSignedIn("Alice/1.0");
        SignedIn bob = registeredAndSignedIn("Bob/1.0");

        HttpResponse<String> response = send("DELETE", "/api/auth/sessions/" + bob.sessionId(), null, bearer(alice));

        assertNotFound(response);
        assertThat(verify(bob)).isEqualTo(200);
    }

    @Test
    void delete_ofAMalformedOrUnknownId_isNotFoundLikeAForeignOne() {
        SignedIn alice = registeredAndSignedIn("Alice/1.0");
        String foreignBody = withoutRequestId(send("DELETE", "/api/auth/sessions/" + UUID.randomUUID(), null, bearer(alice)));

        for (String id : List.of("not-a-uuid", "123", "1-1-1-1-1", alice.sessionId() + "0", "%20",
                "' OR 1=1 --", "x".repeat(2000))) {
            HttpResponse<String> response = send("DELETE", "/api/auth/sessions/" + encode(id), null, bearer(alice));
            assertNotFound(response);
            assertThat(withoutRequestId(response)).as(id).isEqualTo(foreignBody);
        }
        assertThat(verify(alice)).isEqualTo(200);
    }

    @Test
    void delete_ofAnAlreadyRevokedSession_isNotFound() {
        String email = uniqueEmail();
        register(email, PASSWORD);
        SignedIn laptop = signIn(email, PASSWORD, "Laptop/1.0");
        SignedIn phone = signIn(email, PASSWORD, "Phone/2.0");
        assertThat(send("DELETE", "/api/auth/sessions/" + laptop.sessionId(), null, bearer(phone)).statusCode()).isEqualTo(204);

        assertNotFound(send("DELETE", "/api/auth/sessions/" + laptop.sessionId(), null, bearer(phone)));
    }

    @Test
    void delete_ofTheCurrentSessionByCookie_endsItAndClearsTheCookie() {
        SignedIn alice = registeredAndSignedIn("Alice/1.0");

        HttpResponse<String> response = send("DELETE", "/api/auth/sessions/" + alice.sessionId(), null, cookie(alice));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Set-Cookie")).hasValueSatisfying(value ->
                assertThat(value).startsWith("session_token=; Max-Age=0;"));
        assertThat(verify(alice)).isEqualTo(401);
    }

    @Test
    void delete_ofTheCurrentSessionByBearer_endsItAndLeavesCookiesAlone() {
        SignedIn alice = registeredAndSignedIn("Alice/1.0");

        HttpResponse<String> response = send("DELETE", "/api/auth/sessions/" + alice.sessionId(), null, bearer(alice));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(verify(alice)).isEqualTo(401);
    }

    @Test
    void revokeOthers_endsEveryOtherSessionAndSaysHowMany() {
        String email = uniqueEmail();
        register(email, PASSWORD);
        SignedIn laptop = signIn(email, PASSWORD, "Laptop/1.0");
        SignedIn phone = signIn(email, PASSWORD, "Phone/2.0");
        SignedIn tablet = signIn(email, PASSWORD, "Tablet/3.0");
        SignedIn bob = registeredAndSignedIn("Bob/1.0");

        HttpResponse<String> response = post("/api/auth/sessions/revoke-others", null, cookie(tablet));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response)).isEqualTo(Map.of("revoked", 2));
        assertThat(verify(laptop)).isEqualTo(401);
        assertThat(verify(phone)).isEqualTo(401);
        assertThat(verify(tablet)).isEqualTo(200);
        assertThat(verify(bob)).isEqualTo(200);
        assertThat(revokeReason(phone)).isEqualTo("OTHERS_REVOKED");
        assertThat(body(post("/api/auth/sessions/revoke-others", null, bearer(tablet)))).isEqualTo(Map.of("revoked", 0));
    }

    @Test
    void changePassword_endsTheOtherSessionsKeepsThisOneAndReplacesThePassword() throws Exception {
        String email = uniqueEmail();
        register(email, PASSWORD);
        SignedIn laptop = signIn(email, PASSWORD, "Laptop/1.0");
        SignedIn phone = signIn(email, PASSWORD, "Phone/2.0");
        SignedIn here = signIn(email, PASSWORD, "Here/1.0");
        String oldHash = passwordHash(email);

        HttpResponse<String> response = post("/api/auth/change-password", changeBody(PASSWORD, NEW_PASSWORD), cookie(here));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response)).containsEntry("revoked_sessions", 2).containsKey("message");
        assertThat(response.body()).doesNotContain(PASSWORD).doesNotContain(NEW_PASSWORD);
        assertThat(verify(laptop)).isEqualTo(401);
        assertThat(verify(phone)).isEqualTo(401);
        assertThat(verify(here)).isEqualTo(200);
        assertThat(revokeReason(laptop)).isEqualTo("PASSWORD_CHANGED");
        assertThat(post("/api/auth/sign-in", credentials(email, PASSWORD)).statusCode()).isEqualTo(401);
        assertThat(post("/api/auth/sign-in", credentials(email, NEW_PASSWORD)).statusCode()).isEqualTo(200);
        assertThat(passwordHash(email)).isNotEqualTo(oldHash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void changePassword_withAWrongCurrentPassword_isUnauthorizedAndChangesNothing() {
        String email = uniqueEmail();
        register(email, PASSWORD);
        SignedIn laptop = signIn(email, PASSWORD, "Laptop/1.0");
        SignedIn here = signIn(email, PASSWORD, "Here/1.0");

        HttpResponse<String> response = post("/api/auth/change-password", changeBody("not my password", NEW_PASSWORD),
                bearer(here));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(body(response)).containsEntry("code", "invalid_credentials");
        assertThat(response.body()).doesNotContain("not my password").doesNotContain(NEW_PASSWORD);
        assertThat(verify(laptop)).isEqualTo(200);
        assertThat(verify(here)).isEqualTo(200);
        assertThat(post("/api/auth/sign-in", credentials(email, PASSWORD)).statusCode()).isEqualTo(200);
    }

    @Test
    void changePassword_toAWeakPassword_isABadRequestNamingTheReasons() {
        String email = uniqueEmail();
        register(email, PASSWORD);
        SignedIn here = signIn(email, PASSWORD, "Here/1.0");
        String localPart = email.substring(0, email.indexOf('@'));

        HttpResponse<String> tooShort = post("/api/auth/change-password", changeBody(PASSWORD, "short"), cookie(here));
        HttpResponse<String> ownEmail = post("/api/auth/change-password", changeBody(PASSWORD, localPart + "!"), cookie(here));
        HttpResponse<String> missing = post("/api/auth/change-password", "{\"current_password\":\"" + PASSWORD + "\"}",
                cookie(here));

        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(body(tooShort)).containsEntry("code", "weak_password").containsEntry("reasons", List.of("too_short"));
        assertThat(ownEmail.statusCode()).isEqualTo(400);
        assertThat(body(ownEmail)).containsEntry("reasons", List.of("contains_email"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(body(missing)).containsEntry("code", "weak_password");
        assertThat(post("/api/auth/sign-in", credentials(email, PASSWORD)).statusCode()).isEqualTo(200);
    }

    @Test
    void changePassword_withMalformedJson_isABadRequest() {
        SignedIn alice = registeredAndSignedIn("Alice/1.0");

        HttpResponse<String> response = post("/api/auth/change-password", "{\"current_password\":", cookie(alice));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response)).containsEntry("code", "malformed_json");
    }

    @Test
    void anAccessTokenCaller_mayListAndDeleteByItsSid_butNotRevokeOthersOrChangeThePassword() {
        String email = uniqueEmail();
        register(email, PASSWORD);
        SignedIn laptop = signIn(email, PASSWORD, "Laptop/1.0");
        SignedIn phone = signIn(email, PASSWORD, "Phone/2.0");
        String[] accessToken = {"Authorization", "Bearer " + phone.accessToken()};

        List<Map<String, Object>> listed = sessions(get("/api/auth/sessions", accessToken));
        HttpResponse<String> revokeOthers = post("/api/auth/sessions/revoke-others", null, accessToken);
        HttpResponse<String> change = post("/api/auth/change-password", changeBody(PASSWORD, NEW_PASSWORD), accessToken);

        assertThat(listed).extracting(session -> session.get("current")).containsExactly(true, false);
        assertThat(revokeOthers.statusCode()).isEqualTo(401);
        assertThat(body(revokeOthers)).containsEntry("code", "unauthenticated");
        assertThat(change.statusCode()).isEqualTo(401);
        assertThat(verify(laptop)).isEqualTo(200);
        assertThat(post("/api/auth/sign-in", credentials(email, PASSWORD)).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/api/auth/sessions/" + laptop.sessionId(), null, accessToken).statusCode()).isEqualTo(204);
        assertThat(verify(laptop)).isEqualTo(401);
    }

    /**
     * The session list trusts the access token and this instance's revocation cache alone (no session lookup), and
     * the cache's poll of the database is pushed out of reach here: only the at-once path can refuse these tokens.
     */
    @Test
    void revokeOthersAndChangePassword_refuseTheOtherSessionsAccessTokensAtOnce() {
        String email = uniqueEmail();
        register(email, PASSWORD);
        SignedIn laptop = signIn(email, PASSWORD, "Laptop/1.0");
        SignedIn phone = signIn(email, PASSWORD, "Phone/2.0");
        assertThat(listByAccessToken(laptop)).isEqualTo(200);

        post("/api/auth/sessions/revoke-others", null, cookie(phone));

        assertThat(listByAccessToken(laptop)).isEqualTo(401);
        assertThat(listByAccessToken(phone)).isEqualTo(200);

        SignedIn tablet = signIn(email, PASSWORD, "Tablet/3.0");
        assertThat(listByAccessToken(tablet)).isEqualTo(200);
        post("/api/auth/change-password", changeBody(PASSWORD, NEW_PASSWORD), cookie(phone));

        assertThat(listByAccessToken(tablet)).isEqualTo(401);
        assertThat(listByAccessToken(phone)).isEqualTo(200);
    }

    @Test
    void theEleventhSignIn_refusesTheOldestSessionsAccessTokenAtOnce() {
        String email = uniqueEmail();
        register(email, PASSWORD);
        SignedIn oldest = signIn(email, PASSWORD, "Oldest/1.0");
        assertThat(listByAccessToken(oldest)).isEqualTo(200);
        for (int i = 0; i < 10; i++) {
            signIn(email, PASSWORD, "Newer/1.0");
        }

        assertThat(listByAccessToken(oldest)).isEqualTo(401);
    }

    private record SignedIn(String userId, String sessionId, String token, String accessToken) {
    }

    private SignedIn registeredAndSignedIn(String userAgent) {
        String email = uniqueEmail();
        register(email, PASSWORD);
        return signIn(email, PASSWORD, userAgent);
    }

    @SuppressWarnings("unchecked")
    private SignedIn signIn(String email, String password, String userAgent) {
        HttpResponse<String> response = post("/api/auth/sign-in", credentials(email, password), "User-Agent", userAgent);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> body = body(response);
        return new SignedIn((String) body.get("user_id"), (String) ((Map<String, Object>) body.get("session")).get("id"),
                (String) body.get("session_token"), (String) body.get("access_token"));
    }

    private int verify(SignedIn signedIn) {
        return get("/api/auth/verify", bearer(signedIn)).statusCode();
    }

    private int listByAccessToken(SignedIn signedIn) {
        return get("/api/auth/sessions", "Authorization", "Bearer " + signedIn.accessToken()).statusCode();
    }

    private static String[] bearer(SignedIn signedIn) {
        return new String[]{"Authorization", "Bearer " + signedIn.token()};
    }

    private static String[] cookie(SignedIn signedIn) {
        return new String[]{"Cookie", "session_token=" + signedIn.token()};
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> sessions(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return (List<Map<String, Object>>) body(response).get("sessions");
    }

    private void assertNotFound(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(body(response)).containsEntry("code", "session_not_found");
    }

    private String withoutRequestId(HttpResponse<String> response) {
        Map<String, Object> body = new java.util.HashMap<>(body(response));
        body.remove("request_id");
        return body.toString();
    }

    private static String changeBody(String current, String next) {
        return "{\"current_password\":\"" + current + "\",\"new_password\":\"" + next + "\"}";
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String revokeReason(SignedIn signedIn) {
        return queryString("SELECT revoke_reason FROM sessions WHERE id = CAST(? AS uuid)", signedIn.sessionId());
    }

    private String passwordHash(String email) {
        return queryString("SELECT password_hash FROM users WHERE email = ?", email);
    }

    private String queryString(String sql, String parameter) {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
