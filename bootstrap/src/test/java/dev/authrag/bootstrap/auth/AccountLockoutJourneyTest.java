package dev.authrag.bootstrap.auth;

import dev.authrag.bootstrap.support.HttpTestSupport;
import dev.authrag.application.auth.MutableClock;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Brute force against one account, over HTTP with the default policy (10 failures, 15 minutes doubling, 24 hours at most). */
@MicronautTest(transactional = false)
class AccountLockoutJourneyTest extends HttpTestSupport {

    private static final String PASSWORD = "correct horse battery";
    private static final String WRONG = "not the password";
    private static final String NEW_PASSWORD = "tranquil meadow lantern";
    private static final Duration LOCK = Duration.ofMinutes(15);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T09:00:00Z"));

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Test
    void tenFailures_thenTheRightPasswordIsRefusedExactlyLikeAWrongOne() {
        String email = registered();
        HttpResponse<String> wrong = signIn(email, WRONG);
        failures(email, 9);

        HttpResponse<String> locked = signIn(email, PASSWORD);
        HttpResponse<String> unknown = signIn(uniqueEmail(), PASSWORD);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(withoutRequestId(locked)).isEqualTo(withoutRequestId(wrong)).isEqualTo(withoutRequestId(unknown));
        assertThat(body(locked)).containsEntry("code", "invalid_credentials").containsEntry("detail", "Invalid email or password");
        assertThat(locked.headers().firstValue("WWW-Authenticate")).isEqualTo(wrong.headers().firstValue("WWW-Authenticate"));
        assertThat(locked.headers().firstValue("Content-Type")).isEqualTo(wrong.headers().firstValue("Content-Type"));
        assertThat(locked.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void nineFailures_stillLetTheRightPasswordIn() {
        String email = registered();
        failures(email, 9);

        assertThat(signIn(email, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void afterTheLockExpires_theRightPasswordWorks() {
        String email = registered();
        failures(email, 10);

        clock.advance(LOCK.minusSeconds(1));
        assertThat(signIn(email, PASSWORD).statusCode()).as("one second before the end").isEqualTo(401);
        clock.advance(Duration.ofSeconds(1));

        HttpResponse<String> after = signIn(email, PASSWORD);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(body(after)).containsKey("session_token");
    }

    @Test
    void aSecondLock_lastsTwiceAsLong() {
        String email = registered();
        failures(email, 10);
        clock.advance(LOCK);
        failures(email, 10);

        clock.advance(LOCK);
        assertThat(signIn(email, PASSWORD).statusCode()).as("15 of the second lock's 30 minutes").isEqualTo(401);
        clock.advance(LOCK.minusSeconds(1));
        assertThat(signIn(email, PASSWORD).statusCode()).as("one second before its end").isEqualTo(401);
        clock.advance(Duration.ofSeconds(1));

        assertThat(signIn(email, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aSuccessfulSignIn_clearsTheCount() {
        String email = registered();
        failures(email, 9);
        assertThat(signIn(email, PASSWORD).statusCode()).isEqualTo(200);

        failures(email, 9);

        assertThat(signIn(email, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aPasswordChange_clearsTheCount() {
        String email = registered();
        HttpResponse<String> signedIn = signIn(email, PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(200);
        String session = (String) body(signedIn).get("session_token");
        failures(email, 9);

        HttpResponse<String> changed = post("/api/auth/change-password",
                "{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"" + NEW_PASSWORD + "\"}",
                "Authorization", "Bearer " + session);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        failures(email, 9);

        assertThat(signIn(email, NEW_PASSWORD).statusCode()).as("18 failures, but only 9 since the change").isEqualTo(200);
    }

    @Test
    void oneAccountsLock_leavesOtherAccountsAlone() {
        String locked = registered();
        String other = registered();
        failures(locked, 10);

        assertThat(signIn(other, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void twentyParallelFailures_lockTheAccount() throws Exception {
        String email = registered();
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Thread thread = new Thread(() -> statuses.add(signIn(email, WRONG).statusCode()));
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(statuses).hasSize(20).containsOnly(401);
        assertThat(signIn(email, PASSWORD).statusCode()).isEqualTo(401);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT l.lockouts, l.locked_until FROM account_lockouts l "
                     + "JOIN users u ON u.id = l.user_id WHERE u.email = '" + email + "'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt("lockouts")).as("locked once: failures while locked do not count").isEqualTo(1);
            assertThat(rows.getTimestamp("locked_until").toInstant()).isEqualTo(clock.instant().plus(LOCK));
        }
    }

    @Test
    void failuresForAnUnknownEmail_storeNothing() throws Exception {
        String nobody = uniqueEmail();

        failures(nobody, 10);

        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM account_lockouts l LEFT JOIN users u ON u.id = l.user_id "
                     + "WHERE u.id IS NULL")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
    }

    private String registered() {
        String email = uniqueEmail();
        assertThat(register(email, PASSWORD).statusCode()).isEqualTo(201);
        return email;
    }

    private HttpResponse<String> signIn(String email, String password) {
        return post("/api/auth/sign-in", credentials(email, password));
    }

    private void failures(String email, int count) {
        for (int i = 0; i < count; i++) {
            assertThat(signIn(email, WRONG).statusCode()).isEqualTo(401);
        }
    }

    private Map<String, Object> withoutRequestId(HttpResponse<String> response) {
        Map<String, Object> body = new HashMap<>(body(response));
        body.remove("request_id");
        return body;
    }
}
