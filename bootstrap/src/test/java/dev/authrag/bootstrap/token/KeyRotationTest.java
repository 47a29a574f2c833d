package dev.authrag.bootstrap.token;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.authrag.adapter.web.crypto.keys.JwtKeyRing;
import dev.authrag.bootstrap.support.HttpTestSupport;
import dev.authrag.application.auth.MutableClock;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotation with a controllable clock (rotation every day): a new key is published before it signs, both keys are
 * published while tokens of the old one live, old tokens verify until they expire, and then the old key is gone.
 */
@MicronautTest(transactional = false)
class KeyRotationTest extends HttpTestSupport {

    private static final String PASSWORD = "correct horse battery";
    static final MutableClock CLOCK = new MutableClock(java.time.Instant.now());

    @Inject
    JwtKeyRing keyRing;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("authrag.token.rotation-days", "1", "spec.name", "KeyRotationTest");
    }

    @Test
    void rotation_publishesAheadKeepsOldTokensValidUntilExpiryThenWithdrawsTheOldKey() throws Exception {
        String email = uniqueEmail();
        register(email, PASSWORD);
        String firstKey = keyRing.signingKeyId();

        CLOCK.advance(Duration.ofDays(1).minusMinutes(1));
        String session = signIn(email).get("session_token").toString();
        String oldToken = newAccessToken(session);
        assertThat(kid(oldToken)).isEqualTo(firstKey);

        CLOCK.advance(Duration.ofMinutes(2));
        keyRing.refresh();
        assertThat(publishedKids()).hasSize(2).contains(firstKey);
        assertThat(kid(newAccessToken(session))).as("a new key does not sign before it has been published 5 minutes")
                .isEqualTo(firstKey);

        CLOCK.advance(Duration.ofMinutes(5));
        keyRing.refresh();
        String rotatedToken = newAccessToken(session);
        assertThat(kid(rotatedToken)).isNotEqualTo(firstKey);
        assertThat(status(oldToken)).as("old token, still within its lifetime").isEqualTo(200);
        assertThat(status(rotatedToken)).isEqualTo(200);

        CLOCK.advance(Duration.ofMinutes(12));
        keyRing.refresh();
        String lateToken = newAccessToken(session);
        assertThat(status(oldToken)).as("old token after its expiry").isEqualTo(401);

        CLOCK.advance(Duration.ofMinutes(5));
        keyRing.refresh();
        assertThat(publishedKids()).as("the old key is withdrawn once its tokens expired").doesNotContain(firstKey).hasSize(1);
        assertThat(status(lateToken)).isEqualTo(200);
    }

    private Map<String, Object> signIn(String email) {
        return body(post("/api/auth/sign-in", credentials(email, PASSWORD)));
    }

    private String newAccessToken(String session) {
        return body(post("/api/auth/token", null, "Authorization", "Bearer " + session)).get("access_token").toString();
    }

    private int status(String token) {
        return get("/api/auth/verify", "Authorization", "Bearer " + token).statusCode();
    }

    private static String kid(String token) throws Exception {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }

    private java.util.List<String> publishedKids() throws Exception {
        return JWKSet.parse(get("/.well-known/jwks.json").body()).getKeys().stream().map(key -> key.getKeyID()).toList();
    }

    /** The test's clock replaces the system clock in this class's context only. */
    @Factory
    @Requires(property = "spec.name", value = "KeyRotationTest")
    static class ClockFactory {
        @Singleton
        @Replaces(Clock.class)
        Clock clock() {
            return CLOCK;
        }
    }
}
