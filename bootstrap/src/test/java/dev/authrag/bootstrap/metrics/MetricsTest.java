package dev.authrag.bootstrap.metrics;

import dev.authrag.bootstrap.support.HttpTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With METRICS_PUBLIC=true, /prometheus serves the request, sign-in, rate-limit, hashing and pool metrics; the JSON
 * /metrics view stays off.
 */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class MetricsTest extends HttpTestSupport {

    private static final String PASSWORD = "correct horse battery";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("authrag.metrics.public-endpoint", "true",
                "authrag.rate-limit.enabled", "true",
                "authrag.rate-limit.signin-per-email", "4/1h",
                "authrag.lockout.threshold", "2");
    }

    @Test
    void signInOutcomes_areCountedByOutcome_andRateLimitRefusalsByPolicy() {
        String email = uniqueEmail();
        assertThat(register(email, PASSWORD).statusCode()).isEqualTo(201);
        PrometheusScrape before = scrape();

        assertThat(post("/api/auth/sign-in", credentials(email, PASSWORD)).statusCode()).isEqualTo(200);
        assertThat(post("/api/auth/sign-in", credentials(email, "wrong password one")).statusCode()).isEqualTo(401);
        assertThat(post("/api/auth/sign-in", credentials(email, "wrong password two")).statusCode()).isEqualTo(401);
        // the second wrong password locked the account: the right one is now refused like a wrong one
        assertThat(post("/api/auth/sign-in", credentials(email, PASSWORD)).statusCode()).isEqualTo(401);
        // the fifth attempt for this email within the hour
        assertThat(post("/api/auth/sign-in", credentials(email, PASSWORD)).statusCode()).isEqualTo(429);
        PrometheusScrape after = scrape();

        assertThat(increase(before, after, "authrag_signin_outcomes_total", "outcome", "success")).isEqualTo(1);
        assertThat(increase(before, after, "authrag_signin_outcomes_total", "outcome", "invalid_credentials")).isEqualTo(2);
        assertThat(increase(before, after, "authrag_signin_outcomes_total", "outcome", "locked")).isEqualTo(1);
        assertThat(increase(before, after, "authrag_signin_outcomes_total", "outcome", "rate_limited")).isEqualTo(1);
        assertThat(increase(before, after, "authrag_rate_limit_rejections_total", "policy", "signin-email")).isEqualTo(1);
        assertThat(increase(before, after, "authrag_rate_limit_rejections_total", "policy", "signin-ip")).isZero();
    }

    @Test
    void requests_areTimedPerRouteTemplate_withLatencyBuckets() {
        String email = uniqueEmail();
        String token = signedInToken(email, PASSWORD);
        Map<String, Object> second = body(post("/api/auth/sign-in", credentials(email, PASSWORD)));
        String secondSession = (String) ((Map<String, Object>) second.get("session")).get("id");
        String unknownSession = UUID.randomUUID().toString();
        assertThat(send("DELETE", "/api/auth/sessions/" + secondSession, null, "Authorization", "Bearer " + token)
                .statusCode()).isEqualTo(204);
        assertThat(send("DELETE", "/api/auth/sessions/" + unknownSession, null, "Authorization", "Bearer " + token)
                .statusCode()).isEqualTo(404);
        assertThat(get("/api/auth/verify", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);

        PrometheusScrape scrape = scrape();

        assertThat(scrape.sum("http_server_requests_seconds_count", "uri", "/api/auth/verify", "method", "GET", "status", "200"))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape.sum("http_server_requests_seconds_count", "uri", "/api/auth/sign-in", "status", "200"))
                .isGreaterThanOrEqualTo(2);
        // the route's template, never the id itself: one series per route whatever the ids (every 404 shares one)
        assertThat(scrape.sum("http_server_requests_seconds_count", "uri", "/api/auth/sessions/{id}", "method", "DELETE",
                "status", "204")).isEqualTo(1);
        assertThat(scrape.sum("http_server_requests_seconds_count", "uri", "NOT_FOUND", "status", "404")).isGreaterThanOrEqualTo(1);
        assertThat(scrape.mentions(secondSession)).isFalse();
        assertThat(scrape.mentions(unknownSession)).isFalse();
        assertThat(scrape.has("http_server_requests_seconds_bucket", "uri", "/api/auth/verify", "le", "0.005")).isTrue();
    }

    @Test
    void theHashingQueue_andTheConnectionPool_areMeasured() {
        PrometheusScrape scrape = scrape();

        assertThat(scrape.has("authrag_password_hash_queue")).isTrue();
        assertThat(scrape.has("hikaricp_connections_active")).isTrue();
        assertThat(scrape.has("hikaricp_connections_max")).isTrue();
        assertThat(scrape.has("hikaricp_connections_pending")).isTrue();
    }

    @Test
    void theJsonMetricsView_staysOff() {
        assertThat(get("/metrics").statusCode()).isEqualTo(404);
    }

    private PrometheusScrape scrape() {
        HttpResponse<String> response = get("/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        return PrometheusScrape.of(response.body());
    }

    private static double increase(PrometheusScrape before, PrometheusScrape after, String name, String label, String value) {
        assertThat(after.has(name, label, value)).as(name + "{" + label + "=" + value + "}").isTrue();
        return after.sum(name, label, value) - before.sum(name, label, value);
    }
}
