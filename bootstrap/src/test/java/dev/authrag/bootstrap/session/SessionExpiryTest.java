package dev.authrag.bootstrap.session;

import dev.authrag.bootstrap.support.HttpTestSupport;
import dev.authrag.application.auth.MutableClock;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sliding idle expiry, the absolute lifetime and the per-user session limit, end to end with the application's clock
 * replaced by one the test moves. The defaults apply: 7 days idle, 30 days absolute, renewed at most daily, 10 sessions.
 */
@MicronautTest(transactional = false)
class SessionExpiryTest extends HttpTestSupport {

    private static final String PASSWORD = "correct horse battery";

    private static final Instant START = Instant.parse("2031-01-06T09:00:00Z");

    private final MutableClock clock = new MutableClock(START);

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @BeforeEach
    void startTheClock() {
        clock.set(START);
    }

    @Test
    void theIdleExpiry_movesOnlyOnceTheUpdateAgeHasPassed() {
        String token = signedInToken(uniqueEmail(), PASSWORD);
        assertThat(expiresAt(token)).isEqualTo(START.plus(Duration.ofDays(7)));

        clock.set(START.plus(Duration.ofHours(23)));
        assertThat(expiresAt(token)).as("used within a day: not renewed").isEqualTo(START.plus(Duration.ofDays(7)));
        assertThat(lastUsedAt(token)).isEqualTo(START);

        clock.set(START.plus(Duration.ofDays(1)));
        assertThat(expiresAt(token)).as("used a day later: renewed").isEqualTo(START.plus(Duration.ofDays(8)));
        assertThat(lastUsedAt(token)).isEqualTo(START.plus(Duration.ofDays(1)));
        assertThat(storedIdleExpiry(token)).isEqualTo(START.plus(Duration.ofDays(8)));
    }

    @Test
    void anUnusedSession_expiresAfterTheIdleTimeout_whileOneUsedTheDayBeforeLivesOn() {
        String email = uniqueEmail();
        register(email, PASSWORD);
        String unused = signIn(email);
        String used = signIn(email);

        clock.set(START.plus(Duration.ofDays(6)));
        assertThat(verify(used)).isEqualTo(200);
        clock.set(START.plus(Duration.ofDays(7)));

        assertThat(verify(unused)).isEqualTo(401);
        assertThat(verify(used)).isEqualTo(200);
    }

    @Test
    void aSessionUsedEveryDay_isRefusedOnceItsAbsoluteLifetimeIsOver() {
        String token = signedInToken(uniqueEmail(), PASSWORD);
        for (int day = 1; day < 30; day++) {
            clock.set(START.plus(Duration.ofDays(day)));
            assertThat(verify(token)).as("day %d", day).isEqualTo(200);
        }
        assertThat(expiresAt(token)).as("the idle expiry stops at the absolute one").isEqualTo(START.plus(Duration.ofDays(30)));

        clock.set(START.plus(Duration.ofDays(30)));

        assertThat(verify(token)).isEqualTo(401);
    }

    @Test
    void theEleventhSignIn_revokesTheOldestSession() {
        String email = uniqueEmail();
        register(email, PASSWORD);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMinutes(1));
            tokens.add(signIn(email));
        }
        assertThat(tokens).allSatisfy(token -> assertThat(verify(token)).isEqualTo(200));

        clock.advance(Duration.ofMinutes(1));
        String eleventh = signIn(email);

        assertThat(verify(tokens.get(0))).isEqualTo(401);
        assertThat(tokens.subList(1, 10)).allSatisfy(token -> assertThat(verify(token)).isEqualTo(200));
        assertThat(verify(eleventh)).isEqualTo(200);
        assertThat(sessionCount(get("/api/auth/sessions", "Authorization", "Bearer " + eleventh))).isEqualTo(10);
        assertThat(stored("revoke_reason", tokens.get(0))).isEqualTo("SESSION_LIMIT");
    }

    @Test
    void twelveSimultaneousSignIns_leaveTenActiveSessions() throws Exception {
        String email = uniqueEmail();
        register(email, PASSWORD);
        List<Thread> threads = new ArrayList<>();
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 12; i++) {
            Thread thread = new Thread(() -> statuses.add(post("/api/auth/sign-in", credentials(email, PASSWORD)).statusCode()));
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(statuses).hasSize(12).containsOnly(200);
        assertThat(activeSessionsInTheDatabase(email)).isEqualTo(10);
    }

    private String signIn(String email) {
        HttpResponse<String> response = post("/api/auth/sign-in", credentials(email, PASSWORD));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return (String) body(response).get("session_token");
    }

    private int verify(String token) {
        return get("/api/auth/verify", "Authorization", "Bearer " + token).statusCode();
    }

    @SuppressWarnings("unchecked")
    private Instant expiresAt(String token) {
        HttpResponse<String> response = get("/api/auth/verify", "Authorization", "Bearer " + token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Instant.parse((String) ((Map<String, Object>) body(response).get("session")).get("expires_at"));
    }

    @SuppressWarnings("unchecked")
    private Instant lastUsedAt(String token) {
        List<Map<String, Object>> sessions = (List<Map<String, Object>>) body(
                get("/api/auth/sessions", "Authorization", "Bearer " + token)).get("sessions");
        return Instant.parse((String) sessions.stream().filter(session -> Boolean.TRUE.equals(session.get("current")))
                .findFirst().orElseThrow().get("last_used_at"));
    }

    @SuppressWarnings("unchecked")
    private int sessionCount(HttpResponse<String> response) {
        return ((List<Object>) body(response).get("sessions")).size();
    }

    private Instant storedIdleExpiry(String token) {
        return Instant.parse(stored("to_char(idle_expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')", token));
    }

    private String stored(String column, String token) {
        String sql = "SELECT " + column + " FROM sessions WHERE token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')";
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, token);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int activeSessionsInTheDatabase(String email) throws SQLException {
        String sql = "SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ? AND s.revoked_at IS NULL";
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, email);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
