package dev.authrag.bootstrap.ratelimit;

import dev.authrag.bootstrap.support.HttpTestSupport;
import dev.authrag.bootstrap.support.MutableClockFactory;
import dev.authrag.application.auth.MutableClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With no trusted proxy (the default), X-Forwarded-For is the client's own words and changes nothing. */
@MicronautTest(transactional = false)
class ForgedForwardedForTest extends HttpTestSupport {

    @Inject
    Clock clock;

    /** Every request here comes from 127.0.0.1, one bucket: a day later it has refilled for the next test. */
    @BeforeEach
    void refillTheBucket() {
        ((MutableClock) clock).advance(Duration.ofDays(1));
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("authrag.rate-limit.enabled", "true", MutableClockFactory.PROPERTY, "mutable");
    }

    @Test
    void aNewForgedAddressOnEveryAttempt_doesNotEscapeThePerAddressLimit() {
        for (int i = 1; i <= 10; i++) {
            HttpResponse<String> attempt = post("/api/auth/sign-in", credentials(uniqueEmail(), "wrong password"),
                    "X-Forwarded-For", "203.0.113." + i);
            assertThat(attempt.statusCode()).as("attempt " + i).isEqualTo(401);
        }

        HttpResponse<String> eleventh = post("/api/auth/sign-in", credentials(uniqueEmail(), "wrong password"),
                "X-Forwarded-For", "198.51.100.77, 203.0.113.200");

        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(body(eleventh)).containsEntry("code", "rate_limited");
    }

    @Test
    void theSession_recordsTheSocketPeer_notTheForgedAddress() throws Exception {
        String email = uniqueEmail();
        register(email, "correct horse battery");
        post("/api/auth/sign-in", credentials(email, "correct horse battery"), "X-Forwarded-For", "203.0.113.250");

        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT host(s.ip_address) FROM sessions s JOIN users u ON u.id = s.user_id "
                     + "WHERE u.email = '" + email + "'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("127.0.0.1");
        }
    }
}
