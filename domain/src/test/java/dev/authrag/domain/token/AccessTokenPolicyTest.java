package dev.authrag.domain.token;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokenPolicyTest {

    private static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);
    private static final Duration ONE_MINUTE = Duration.ofMinutes(1);

    @Test
    void aPolicyWithinBounds_keepsItsValues() {
        AccessTokenPolicy policy = new AccessTokenPolicy("https://auth.example.com", "authrag", FIFTEEN_MINUTES, ONE_MINUTE);

        assertThat(policy.issuer()).isEqualTo("https://auth.example.com");
        assertThat(policy.audience()).isEqualTo("authrag");
        assertThat(policy.lifetime()).isEqualTo(FIFTEEN_MINUTES);
        assertThat(policy.skew()).isEqualTo(ONE_MINUTE);
    }

    @Test
    void aBlankIssuer_isRejected() {
        assertThatThrownBy(() -> new AccessTokenPolicy(" ", "authrag", FIFTEEN_MINUTES, ONE_MINUTE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("issuer");
    }

    @Test
    void aMissingAudience_isRejected() {
        assertThatThrownBy(() -> new AccessTokenPolicy("iss", null, FIFTEEN_MINUTES, ONE_MINUTE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("audience");
    }

    @Test
    void aZeroLifetime_isRejected() {
        assertThatThrownBy(() -> new AccessTokenPolicy("iss", "aud", Duration.ZERO, ONE_MINUTE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lifetime");
    }

    @Test
    void aLifetimeOfOneSecondOrOneDay_isAccepted() {
        assertThat(new AccessTokenPolicy("iss", "aud", Duration.ofSeconds(1), ONE_MINUTE).lifetime()).hasSeconds(1);
        assertThat(new AccessTokenPolicy("iss", "aud", Duration.ofHours(24), ONE_MINUTE).lifetime()).hasHours(24);
    }

    @Test
    void aLifetimeOverADay_isRejected() {
        assertThatThrownBy(() -> new AccessTokenPolicy("iss", "aud", Duration.ofHours(24).plusSeconds(1), ONE_MINUTE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aZeroSkew_isAccepted() {
        assertThat(new AccessTokenPolicy("iss", "aud", FIFTEEN_MINUTES, Duration.ZERO).skew()).isZero();
    }

    @Test
    void aNegativeSkewOrOneOverFiveMinutes_isRejected() {
        assertThatThrownBy(() -> new AccessTokenPolicy("iss", "aud", FIFTEEN_MINUTES, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("skew");
        assertThatThrownBy(() -> new AccessTokenPolicy("iss", "aud", FIFTEEN_MINUTES, Duration.ofMinutes(5).plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("skew");
    }
}
