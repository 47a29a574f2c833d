package dev.authrag.bootstrap.ratelimit;

import dev.authrag.bootstrap.support.HttpTestSupport;
import dev.authrag.bootstrap.support.MutableClockFactory;
import dev.authrag.bootstrap.support.RawHttp;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A limit belongs to the route, however its path is spelled: every spelling the router matches to a limited route is
 * counted in the same buckets as the canonical path, and every spelling it does not match reaches nothing. Probed over
 * a raw socket, so the request line carries the path exactly as written. Behind one trusted proxy, each test from its
 * own addresses; the clock stands still, so no bucket refills while a test runs.
 */
@MicronautTest(transactional = false)
class RouteSpellingLimitsTest extends HttpTestSupport {

    private static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("authrag.rate-limit.enabled", "true",
                "authrag.edge.trusted-proxy-hops", "1",
                MutableClockFactory.PROPERTY, "mutable");
    }

    /** How one might spell {@code /api/auth/<name>}: the router drops one trailing slash; the rest are candidates. */
    static List<String> spellings(String prefix, String name) {
        String last = name.substring(name.length() - 1);
        String allButLast = name.substring(0, name.length() - 1);
        return List.of(prefix + name + "/", prefix + name + "//", "/" + prefix + name, prefix.replace("/auth/", "//auth/") + name,
                prefix + "./" + name, prefix + "x/../" + name, prefix + allButLast + "%" + Integer.toHexString(last.charAt(0)),
                prefix.toUpperCase() + name, prefix + name.toUpperCase(), prefix + name + ";jsessionid=1",
                prefix + name + "/;x", prefix + name + "%2F", prefix + name + "?x=1", prefix + name + "/?x=1", prefix + name + "#x");
    }

    @Test
    void everySpellingOfRegister_theRouterAccepts_countsInTheRegisterBucket_theRestReachNothing() {
        List<String> accepted = new ArrayList<>();
        for (String path : spellings("/api/auth/", "register")) {
            String client = address();
            RawHttp.Response response = raw("POST", path, client, null, credentials(uniqueEmail(), PASSWORD));
            if (response.status() == 201) {
                accepted.add(path);
                assertThat(response.header("RateLimit-Policy")).as(path).hasValue("\"register-ip\";q=10;w=3600");
                assertThat(response.header("RateLimit")).as(path).hasValueSatisfying(state ->
                        assertThat(state).startsWith("\"register-ip\";r=9;"));
            } else {
                assertThat(response.status()).as(path + " neither registers nor fails on the server").isBetween(400, 499);
            }
        }
        assertThat(accepted).as("the spellings the router matches").contains("/api/auth/register/");
    }

    @Test
    void registrationsByTheTrailingSlash_andTheCanonicalPath_shareOneBucket() {
        String client = address();
        for (int i = 1; i <= 5; i++) {
            assertThat(raw("POST", "/api/auth/register/", client, null, credentials(uniqueEmail(), PASSWORD)).status())
                    .as("registration " + i).isEqualTo(201);
        }
        for (int i = 6; i <= 10; i++) {
            assertThat(raw("POST", "/api/auth/register", client, null, credentials(uniqueEmail(), PASSWORD)).status())
                    .as("registration " + i).isEqualTo(201);
        }

        RawHttp.Response eleventh = raw("POST", "/api/auth/register/", client, null, credentials(uniqueEmail(), PASSWORD));

        assertThat(eleventh.status()).isEqualTo(429);
        assertThat(eleventh.body()).contains("\"code\":\"rate_limited\"");
        assertThat(eleventh.header("Retry-After")).isPresent();
    }

    @Test
    void signInsByTheTrailingSlash_areLimitedPerNetwork_andPerEmail() {
        String client = address();
        String email = uniqueEmail();
        for (int i = 1; i <= 5; i++) {
            RawHttp.Response wrong = raw("POST", "/api/auth/sign-in/", client, null, credentials(email, "wrong password"));
            assertThat(wrong.status()).as("attempt " + i).isEqualTo(401);
            assertThat(wrong.header("RateLimit")).hasValueSatisfying(state -> assertThat(state).contains("\"signin-email\";r="));
        }

        RawHttp.Response sixth = raw("POST", "/api/auth/sign-in/", address(), null, credentials(email, "wrong password"));

        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.body()).contains("Too many sign-in attempts for this email address");
    }

    @Test
    void everySpellingOfSignIn_theRouterAccepts_isLimited() {
        List<String> accepted = new ArrayList<>();
        for (String path : spellings("/api/auth/", "sign-in")) {
            RawHttp.Response response = raw("POST", path, address(), null, credentials(uniqueEmail(), "wrong password"));
            if (response.body().contains("\"code\":\"invalid_credentials\"")) {
                accepted.add(path);
                assertThat(response.header("RateLimit")).as(path).hasValueSatisfying(state ->
                        assertThat(state).contains("\"signin-ip\";r=9;").contains("\"signin-email\";r=4;"));
            } else {
                assertThat(response.status()).as(path).isBetween(400, 499).isNotEqualTo(401);
            }
        }
        assertThat(accepted).contains("/api/auth/sign-in/");
    }

    @Test
    void everySpellingOfTheSignedInRoutes_theRouterAccepts_isLimited() {
        String token = signedInToken(uniqueEmail(), PASSWORD);
        List<String> accepted = new ArrayList<>();
        for (String path : spellings("/api/auth/", "change-password")) {
            RawHttp.Response response = raw("POST", path, address(), token,
                    "{\"current_password\":\"not it\",\"new_password\":\"tranquil meadow lantern\"}");
            if (response.body().contains("\"code\":\"invalid_credentials\"")) {
                accepted.add(path);
                assertThat(response.header("RateLimit-Policy")).as(path).hasValue("\"change-password-user\";q=5;w=60");
                assertThat(response.header("RateLimit")).as(path).isPresent();
            } else {
                assertThat(response.status()).as(path).isIn(400, 404, 405, 415, 429);
            }
        }
        for (String path : spellings("/api/auth/", "token")) {
            RawHttp.Response response = raw("POST", path, address(), token, null);
            if (response.status() == 200) {
                accepted.add(path);
                assertThat(response.header("RateLimit-Policy")).as(path).hasValue("\"token-session\";q=30;w=60");
                assertThat(response.header("RateLimit")).as(path).isPresent();
            } else {
                assertThat(response.status()).as(path).isIn(400, 404, 405, 429);
            }
        }
        for (String path : spellings("/api/chat/", "message")) {
            RawHttp.Response response = raw("POST", path, address(), token, "{\"message\":\"How do sessions expire?\"}");
            if (response.status() != 404 && response.status() != 405 && response.status() != 400) {
                accepted.add(path);
                assertThat(response.header("RateLimit-Policy")).as(path + " " + response.status()).hasValue("\"chat-user\";q=10;w=60");
                assertThat(response.header("RateLimit")).as(path).isPresent();
            }
        }
        assertThat(accepted).contains("/api/auth/change-password/", "/api/auth/token/", "/api/chat/message/");
    }

    private RawHttp.Response raw(String method, String path, String client, String bearer, String body) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("X-Forwarded-For", client));
        if (bearer != null) {
            headers.add(Map.entry("Authorization", "Bearer " + bearer));
        }
        if (body != null) {
            headers.add(Map.entry("Content-Type", "application/json"));
        }
        RawHttp.Response response = RawHttp.exchange(server.getPort(), RawHttp.request(method, path, headers,
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8)), Duration.ofSeconds(30));
        return response;
    }

    private static String address() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return "198.18." + (n / 250) + "." + (1 + n % 250);
    }
}
