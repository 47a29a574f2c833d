package dev.authrag.bootstrap.ratelimit;

import dev.authrag.bootstrap.support.HttpTestSupport;
import dev.authrag.application.auth.MutableClock;
import dev.authrag.bootstrap.support.MutableClockFactory;
import dev.authrag.bootstrap.support.StructuredFieldList;
import dev.authrag.bootstrap.support.StructuredFieldList.Item;
import dev.authrag.application.ratelimit.RateLimiter;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.netty.util.concurrent.FastThreadLocalThread;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default limits end to end, behind one trusted proxy (as on Hugging Face Spaces): X-Forwarded-For names the
 * client. The clock stands still unless a test moves it, so no bucket refills while a test runs.
 */
@MicronautTest(transactional = false)
class RateLimitTest extends HttpTestSupport {

    private static final String PASSWORD = "correct horse battery";

    @Inject
    Clock clock;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("authrag.rate-limit.enabled", "true",
                "authrag.edge.trusted-proxy-hops", "1",
                MutableClockFactory.PROPERTY, "mutable",
                "spec.name", "RateLimitTest");
    }

    @Test
    void theLimiter_neverRunsOnANettyEventLoopThread() {
        ThreadRecorder.THREADS.clear();
        String email = uniqueEmail();
        post("/api/auth/register", credentials(email, PASSWORD), "X-Forwarded-For", "192.0.2.80");
        signInFrom("192.0.2.80", email, PASSWORD);

        assertThat(ThreadRecorder.THREADS).hasSize(3).allSatisfy(thread -> {
            assertThat(thread).isNotInstanceOf(FastThreadLocalThread.class);
            assertThat(thread.getName()).doesNotContainIgnoringCase("eventloop");
        });
    }

    @Test
    void theEleventhSignInFromOneAddress_isRefused_whileAnotherAddressIsNot() {
        for (int i = 1; i <= 10; i++) {
            HttpResponse<String> attempt = signInFrom("203.0.113.10", uniqueEmail(), "wrong password");
            assertThat(attempt.statusCode()).as("attempt " + i).isEqualTo(401);
            assertThat(state(attempt).get("signin-ip").integer("r")).isEqualTo(10 - i);
        }

        HttpResponse<String> eleventh = signInFrom("203.0.113.10", uniqueEmail(), "wrong password");
        HttpResponse<String> elsewhere = signInFrom("198.51.100.10", uniqueEmail(), "wrong password");

        assertRateLimited(eleventh);
        assertThat(body(eleventh).get("detail")).isEqualTo("Too many sign-in attempts from your network. Try again in 30 seconds.");
        assertThat(eleventh.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(state(eleventh).get("signin-ip").integer("r")).isZero();
        assertThat(state(eleventh)).doesNotContainKey("signin-email");
        assertThat(elsewhere.statusCode()).isEqualTo(401);
    }

    @Test
    void theSixthSignInForOneEmail_isRefused_evenFromDifferentAddresses_andEvenWithTheRightPassword() {
        String email = uniqueEmail();
        assertThat(post("/api/auth/register", credentials(email, PASSWORD), "X-Forwarded-For", "192.0.2.200").statusCode())
                .isEqualTo(201);
        for (int i = 1; i <= 5; i++) {
            assertThat(signInFrom("192.0.2." + i, email.toUpperCase(), "wrong password").statusCode()).isEqualTo(401);
        }

        HttpResponse<String> sixth = signInFrom("192.0.2.6", email, PASSWORD);

        assertRateLimited(sixth);
        assertThat(body(sixth).get("detail").toString()).startsWith("Too many sign-in attempts for this email address.");
        assertThat(state(sixth).get("signin-ip").integer("r")).as("the address had quota left").isEqualTo(9);
        assertThat(state(sixth).get("signin-email").integer("r")).isZero();
        assertThat(signInFrom("192.0.2.7", uniqueEmail(), PASSWORD).statusCode()).as("another email").isEqualTo(401);
    }

    @Test
    void anUnknownEmail_isLimitedExactlyLikeAKnownOne() {
        String unknown = uniqueEmail();
        for (int i = 1; i <= 5; i++) {
            signInFrom("192.0.2." + (20 + i), unknown, "wrong password");
        }

        assertRateLimited(signInFrom("192.0.2.26", unknown, "wrong password"));
    }

    @Test
    void retryAfter_isTruthful_theRefusedClientGetsInOnceItHasWaited() {
        MutableClock mutable = (MutableClock) clock;
        String email = uniqueEmail();
        for (int i = 0; i < 5; i++) {
            signInFrom("192.0.2.40", email, "wrong password");
        }
        HttpResponse<String> refused = signInFrom("192.0.2.40", email, "wrong password");
        long wait = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());

        mutable.advance(Duration.ofSeconds(wait - 1));
        HttpResponse<String> early = signInFrom("192.0.2.40", email, "wrong password");
        mutable.advance(Duration.ofSeconds(1));
        HttpResponse<String> onTime = signInFrom("192.0.2.40", email, "wrong password");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(wait).isEqualTo(12);
        assertThat(early.statusCode()).isEqualTo(429);
        assertThat(onTime.statusCode()).isEqualTo(401);
    }

    @Test
    void twentyRefusedSignInsFromOneAddress_leaveExactlyOneRateLimitedRow() throws Exception {
        for (int i = 1; i <= 10; i++) {
            assertThat(signInFrom("203.0.113.77", uniqueEmail(), "wrong password").statusCode()).as("attempt " + i).isEqualTo(401);
        }
        for (int i = 1; i <= 20; i++) {
            assertThat(signInFrom("203.0.113.77", uniqueEmail(), "wrong password").statusCode()).as("refusal " + i).isEqualTo(429);
        }

        List<Map<String, Object>> rows = rateLimitedRowsFrom("203.0.113.77");
        assertThat(rows).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("reason", "signin_ip").containsEntry("outcome", "failure").containsEntry("user_id", null));
    }

    @Test
    void aRefusedMailbox_isRecordedWithoutLookingUpItsAccount() throws Exception {
        String email = uniqueEmail();
        register(email, PASSWORD);
        for (int i = 1; i <= 5; i++) {
            signInFrom("192.0.2.9" + i, email, "wrong password");
        }
        for (int i = 1; i <= 3; i++) {
            assertThat(signInFrom("192.0.2.99", email, PASSWORD).statusCode()).isEqualTo(429);
        }

        assertThat(rateLimitedRowsFrom("192.0.2.99")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("reason", "signin_email").containsEntry("user_id", null));
    }

    @Test
    void everyResponseOfALimitedRoute_carriesBothFields_andTheyParse() {
        String email = uniqueEmail();
        HttpResponse<String> registered = post("/api/auth/register", credentials(email, PASSWORD), "X-Forwarded-For", "192.0.2.60");
        HttpResponse<String> taken = post("/api/auth/register", credentials(email, PASSWORD), "X-Forwarded-For", "192.0.2.60");
        HttpResponse<String> badJson = post("/api/auth/register", "{\"email\": ", "X-Forwarded-For", "192.0.2.60");
        HttpResponse<String> signedIn = signInFrom("192.0.2.61", email, PASSWORD);
        HttpResponse<String> wrong = signInFrom("192.0.2.61", email, "wrong password");

        assertThat(List.of(registered.statusCode(), taken.statusCode(), badJson.statusCode(), signedIn.statusCode(),
                wrong.statusCode())).containsExactly(201, 409, 400, 200, 401);
        for (HttpResponse<String> response : List.of(registered, taken, badJson)) {
            Map<Object, Item> policy = StructuredFieldList.byValue(response.headers().firstValue("RateLimit-Policy").orElseThrow());
            assertThat(policy).containsOnlyKeys("register-ip");
            assertThat(policy.get("register-ip").integer("q")).isEqualTo(10);
            assertThat(policy.get("register-ip").integer("w")).isEqualTo(3600);
        }
        assertThat(List.of(registered, taken, badJson)).extracting(response -> state(response).get("register-ip").integer("r"))
                .as("malformed requests count too").containsExactly(9L, 8L, 7L);
        assertThat(state(registered).get("register-ip").integer("t")).isEqualTo(360);
        for (HttpResponse<String> response : List.of(signedIn, wrong)) {
            Map<Object, Item> policy = StructuredFieldList.byValue(response.headers().firstValue("RateLimit-Policy").orElseThrow());
            assertThat(policy).containsOnlyKeys("signin-ip", "signin-email");
            assertThat(policy.get("signin-ip").integer("q")).isEqualTo(10);
            assertThat(policy.get("signin-ip").integer("w")).isEqualTo(300);
            assertThat(policy.get("signin-email").integer("q")).isEqualTo(5);
            assertThat(policy.get("signin-email").integer("w")).isEqualTo(60);
            assertThat(state(response)).containsOnlyKeys("signin-ip", "signin-email");
        }
        assertThat(state(wrong).get("signin-ip").integer("r")).isEqualTo(8);
        assertThat(state(wrong).get("signin-email").integer("r")).isEqualTo(3);
        assertThat(state(wrong).get("signin-email").integer("t")).isEqualTo(12);
    }

    @Test
    void routesWithoutALimit_carryNoRateLimitFields() {
        HttpResponse<String> verify = get("/api/auth/verify");

        assertThat(verify.statusCode()).isEqualTo(401);
        assertThat(verify.headers().firstValue("RateLimit")).isEmpty();
        assertThat(verify.headers().firstValue("RateLimit-Policy")).isEmpty();
    }

    @Test
    void ipv6Clients_ofOneSlash64_shareABucket_andTheNext64DoesNot() {
        for (int i = 1; i <= 10; i++) {
            HttpResponse<String> registered = post("/api/auth/register", credentials(uniqueEmail(), PASSWORD),
                    "X-Forwarded-For", "2001:db8:7:1::" + Integer.toHexString(i * 4099));
            assertThat(registered.statusCode()).as("registration " + i).isEqualTo(201);
        }

        HttpResponse<String> sameNetwork = post("/api/auth/register", credentials(uniqueEmail(), PASSWORD),
                "X-Forwarded-For", "[2001:db8:7:1:ffff:ffff:ffff:fffe]:443");
        HttpResponse<String> nextNetwork = post("/api/auth/register", credentials(uniqueEmail(), PASSWORD),
                "X-Forwarded-For", "2001:db8:7:2::1");

        assertRateLimited(sameNetwork);
        assertThat(body(sameNetwork).get("detail").toString()).startsWith("Too many registrations from your network.");
        assertThat(sameNetwork.headers().firstValue("Retry-After")).hasValue("360");
        assertThat(nextNetwork.statusCode()).isEqualTo(201);
    }

    @Test
    void theSession_recordsTheClientAddressTheProxyReported() throws Exception {
        String email = uniqueEmail();
        register(email, PASSWORD);
        assertThat(signInFrom("6.6.6.6, 203.0.113.99", email, PASSWORD).statusCode()).isEqualTo(200);

        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT host(s.ip_address) FROM sessions s JOIN users u ON u.id = s.user_id "
                     + "WHERE u.email = '" + email + "'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("203.0.113.99");
        }
    }

    @Test
    void aMalformedForwardedFor_fallsBackToThePeer_andNothingBreaks() {
        HttpResponse<String> response = signInFrom("not-an-address", uniqueEmail(), "wrong password");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(state(response)).containsKey("signin-ip");
    }

    private List<Map<String, Object>> rateLimitedRowsFrom(String ip) throws Exception {
        List<Map<String, Object>> found = new ArrayList<>();
        try (Connection connection = database.connect();
             PreparedStatement statement = connection.prepareStatement("SELECT reason, outcome, user_id FROM audit_events "
                     + "WHERE type = 'rate_limited' AND ip = CAST(? AS inet)")) {
            statement.setString(1, ip);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Map<String, Object> row = new HashMap<>();
                    row.put("reason", rows.getString("reason"));
                    row.put("outcome", rows.getString("outcome"));
                    row.put("user_id", rows.getString("user_id"));
                    found.add(row);
                }
            }
        }
        return found;
    }

    private HttpResponse<String> signInFrom(String forwardedFor, String email, String password) {
        return post("/api/auth/sign-in", credentials(email, password), "X-Forwarded-For", forwardedFor);
    }

    private static Map<Object, Item> state(HttpResponse<String> response) {
        return StructuredFieldList.byValue(response.headers().firstValue("RateLimit").orElseThrow(
                () -> new AssertionError("no RateLimit field on a " + response.statusCode())));
    }

    private void assertRateLimited(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(body(response)).containsEntry("code", "rate_limited").containsEntry("status", 429)
                .containsKeys("type", "title", "detail", "request_id");
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(response.headers().firstValue("RateLimit-Policy")).isPresent();
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    /** Wraps the real limiter to see which threads call it. */
    @Singleton
    @Requires(property = "spec.name", value = "RateLimitTest")
    static class ThreadRecorder implements BeanCreatedEventListener<RateLimiter> {

        static final List<Thread> THREADS = new CopyOnWriteArrayList<>();

        @Override
        public RateLimiter onCreated(BeanCreatedEvent<RateLimiter> event) {
            RateLimiter real = event.getBean();
            return (key, quota, now) -> {
                THREADS.add(Thread.currentThread());
                return real.acquire(key, quota, now);
            };
        }
    }
}
