package dev.authrag.bootstrap.audit;

import dev.authrag.bootstrap.support.HttpTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a session ends early shows in its owner's events, with why and from where: the per-user session limit at
 * sign-in, a revoke, revoke-others and a password change (which also records itself).
 */
@MicronautTest(transactional = false)
class SessionEventsTest extends HttpTestSupport {

    private static final String PASSWORD = "correct horse battery";
    private static final String NEW_PASSWORD = "tranquil meadow lantern";
    private static final String DESK = "Desk/1.0 (the device that does everything)";

    /** Session id to the reason it was revoked for, as the journey below ends them. */
    private final Map<String, String> expected = new HashMap<>();
    private SignedIn desk;
    private SignedIn bob;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("authrag.auth.max-sessions-per-user", "3",
                // the revocation cache's database poll never runs during a test: what it must learn, it learns at once
                "authrag.token.revocation-poll", "1h");
    }

    /**
     * Alice signs in on a, b, c, then on her desk (which ends a, the oldest, for the limit); from the desk she revokes b,
     * signs in on e, revokes the others (c, e), signs in on f and g and changes her password (ending f and g).
     */
    @BeforeAll
    void alicesSessionsEndInEveryWay() {
        String alice = uniqueEmail();
        assertThat(register(alice, PASSWORD).statusCode()).isEqualTo(201);
        SignedIn a = signIn(alice, PASSWORD, "A/1.0");
        SignedIn b = signIn(alice, PASSWORD, "B/1.0");
        SignedIn c = signIn(alice, PASSWORD, "C/1.0");
        desk = signIn(alice, PASSWORD, DESK);
        expected.put(a.sessionId(), "session_limit");

        assertThat(send("DELETE", "/api/auth/sessions/" + b.sessionId(), null, fromDesk()).statusCode()).isEqualTo(204);
        expected.put(b.sessionId(), "revoked_by_user");

        SignedIn e = signIn(alice, PASSWORD, "E/1.0");
        HttpResponse<String> others = post("/api/auth/sessions/revoke-others", null, fromDesk());
        assertThat(body(others)).containsEntry("revoked", 2);
        expected.put(c.sessionId(), "others_revoked");
        expected.put(e.sessionId(), "others_revoked");

        SignedIn f = signIn(alice, PASSWORD, "F/1.0");
        SignedIn g = signIn(alice, PASSWORD, "G/1.0");
        HttpResponse<String> changed = post("/api/auth/change-password",
                "{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"" + NEW_PASSWORD + "\"}", fromDesk());
        assertThat(body(changed)).as(changed.body()).containsEntry("revoked_sessions", 2);
        expected.put(f.sessionId(), "password_changed");
        expected.put(g.sessionId(), "password_changed");

        String bobsEmail = uniqueEmail();
        register(bobsEmail, PASSWORD);
        bob = signIn(bobsEmail, PASSWORD, "Bob/1.0");
    }

    @Test
    void theOwnersEvents_listEachRevokedSessionWithItsReason_andThePasswordChange() {
        List<Map<String, Object>> events = events(desk);

        List<Map<String, Object>> revoked = ofType(events, "session_revoked");
        assertThat(revoked).extracting(event -> event.get("reason")).containsExactlyInAnyOrder(
                "session_limit", "revoked_by_user", "others_revoked", "others_revoked", "password_changed", "password_changed");
        assertThat(revoked).allSatisfy(event -> assertThat(event).containsEntry("outcome", "success"));
        assertThat(ofType(events, "password_changed")).singleElement().satisfies(event ->
                assertThat(event).containsEntry("outcome", "success").containsEntry("reason", null));
        assertThat(events.get(0).get("type")).as("the newest event").isIn("password_changed", "session_revoked");
    }

    @Test
    void eachEvent_saysWhereTheRequestThatEndedTheSessionCameFrom() {
        List<Map<String, Object>> events = events(desk);

        assertThat(events).filteredOn(event -> List.of("session_revoked", "password_changed").contains(event.get("type")))
                .hasSize(7)
                .allSatisfy(event -> assertThat(event).containsEntry("ip_address", "127.0.0.1").containsEntry("user_agent", DESK));
    }

    @Test
    void theStoredRows_nameTheSessionThatEnded_andTheChangeNamesTheDesk() throws SQLException {
        Map<String, String> stored = new HashMap<>();
        try (Connection connection = database.connect();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT session_id, reason FROM audit_events WHERE type = 'session_revoked' AND user_id = CAST(? AS uuid)")) {
            statement.setString(1, desk.userId());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    assertThat(stored.put(rows.getString(1), rows.getString(2))).as("one event per session").isNull();
                }
            }
        }
        assertThat(stored).isEqualTo(expected);
        assertThat(stored).doesNotContainKey(desk.sessionId());
    }

    @Test
    void anotherUser_seesNoneOfIt() {
        assertThat(events(bob)).extracting(event -> event.get("type")).containsExactly("signin_success", "registration_success");
    }

    private record SignedIn(String userId, String sessionId, String token) {
    }

    @SuppressWarnings("unchecked")
    private SignedIn signIn(String email, String password, String userAgent) {
        HttpResponse<String> response = post("/api/auth/sign-in", credentials(email, password), "User-Agent", userAgent);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> body = body(response);
        return new SignedIn((String) body.get("user_id"), (String) ((Map<String, Object>) body.get("session")).get("id"),
                (String) body.get("session_token"));
    }

    private String[] fromDesk() {
        return new String[]{"Authorization", "Bearer " + desk.token(), "User-Agent", DESK};
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> events(SignedIn caller) {
        HttpResponse<String> response = get("/api/auth/events?limit=100", "Authorization", "Bearer " + caller.token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return (List<Map<String, Object>>) body(response).get("events");
    }

    private static List<Map<String, Object>> ofType(List<Map<String, Object>> events, String type) {
        return events.stream().filter(event -> type.equals(event.get("type"))).toList();
    }
}
