package dev.authrag.bootstrap.session;

import dev.authrag.application.auth.MutableClock;
import dev.authrag.bootstrap.support.HttpTestSupport;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser in use keeps its session cookie as long as the server keeps the session: the response to the request that
 * slides the idle expiry renews the cookie with a fresh Max-Age. Short settings: 10 minutes idle, 1 hour absolute,
 * renewed at most once a minute.
 */
@MicronautTest(transactional = false)
class CookieRenewalTest extends HttpTestSupport {

    private static final String PASSWORD = "correct horse battery";
    private static final Instant START = Instant.parse("2032-02-02T10:00:00Z");

    private final MutableClock clock = new MutableClock(START);

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("authrag.auth.session-idle-timeout", "10m",
                "authrag.auth.session-absolute-lifetime", "1h",
                "authrag.auth.session-update-age", "1m");
    }

    @BeforeEach
    void startTheClock() {
        clock.set(START);
    }

    @Test
    void aBrowserUsingItsSession_keepsItsCookiePastTheFirstCookiesLifetime() {
        String token = signedInToken(uniqueEmail(), PASSWORD);

        // used every 9 minutes for 45 minutes: each use slides the session, and each renews the cookie for 10 minutes
        for (int minute = 9; minute <= 45; minute += 9) {
            clock.set(START.plus(Duration.ofMinutes(minute)));
            HttpResponse<String> verify = get("/api/auth/verify", "Cookie", "session_token=" + token);

            assertThat(verify.statusCode()).as("minute %d", minute).isEqualTo(200);
            assertThat(sessionCookies(verify)).as("minute %d", minute)
                    .containsExactly("session_token=" + token + "; Max-Age=600; Path=/; Secure; HttpOnly; SameSite=Lax");
        }
    }

    @Test
    void theRenewedCookie_neverOutlivesTheAbsoluteLifetime() {
        String token = signedInToken(uniqueEmail(), PASSWORD);
        for (int minute = 9; minute <= 54; minute += 9) {
            clock.set(START.plus(Duration.ofMinutes(minute)));
            get("/api/auth/verify", "Cookie", "session_token=" + token);
        }

        clock.set(START.plus(Duration.ofMinutes(56)));
        HttpResponse<String> verify = get("/api/auth/verify", "Cookie", "session_token=" + token);

        assertThat(sessionCookies(verify)).containsExactly(
                "session_token=" + token + "; Max-Age=240; Path=/; Secure; HttpOnly; SameSite=Lax");
    }

    @Test
    void aUseThatDoesNotSlideTheSession_setsNoCookie() {
        String token = signedInToken(uniqueEmail(), PASSWORD);
        clock.set(START.plusSeconds(30));

        HttpResponse<String> verify = get("/api/auth/verify", "Cookie", "session_token=" + token);

        assertThat(verify.statusCode()).isEqualTo(200);
        assertThat(sessionCookies(verify)).isEmpty();
    }

    @Test
    void aBearerSessionToken_isNeverAnsweredWithACookie() {
        String token = signedInToken(uniqueEmail(), PASSWORD);
        clock.set(START.plus(Duration.ofMinutes(5)));

        HttpResponse<String> verify = get("/api/auth/verify", "Authorization", "Bearer " + token);

        assertThat(verify.statusCode()).isEqualTo(200);
        assertThat(sessionCookies(verify)).isEmpty();
    }

    @Test
    void signingOut_clearsTheCookie_evenWhenTheSameRequestSlidTheSession() {
        String token = signedInToken(uniqueEmail(), PASSWORD);
        clock.set(START.plus(Duration.ofMinutes(5)));

        HttpResponse<String> signOut = post("/api/auth/sign-out", null, "Cookie", "session_token=" + token,
                "Origin", "http://127.0.0.1:" + server.getPort());

        assertThat(signOut.statusCode()).isEqualTo(200);
        assertThat(sessionCookies(signOut)).singleElement().asString().startsWith("session_token=; Max-Age=0");
    }

    private static List<String> sessionCookies(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("session_token=")).toList();
    }
}
