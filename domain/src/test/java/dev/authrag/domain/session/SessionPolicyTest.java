package dev.authrag.domain.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionPolicyTest {

    @Test
    void standard_isSevenDaysIdleThirtyDaysAbsoluteRenewedDaily() {
        SessionPolicy policy = SessionPolicy.standard();

        assertThat(policy.idleTimeout()).isEqualTo(Duration.ofDays(7));
        assertThat(policy.absoluteLifetime()).isEqualTo(Duration.ofDays(30));
        assertThat(policy.updateAge()).isEqualTo(Duration.ofDays(1));
    }

    @ParameterizedTest
    @CsvSource({
            "PT1H, PT1H, PT0S",
            "PT1H, PT8H, PT59M59S",
            "PT1S, P365D, PT0S"
    })
    void aConsistentPolicy_isAccepted(String idle, String absolute, String updateAge) {
        assertThatCode(() -> new SessionPolicy(Duration.parse(idle), Duration.parse(absolute), Duration.parse(updateAge)))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({
            "PT0S, PT8H, PT0S",
            "-PT1H, PT8H, PT0S",
            "PT2H, PT1H, PT5M",
            "PT1H, PT8H, -PT1S",
            "PT1H, PT8H, PT1H",
            "PT1H, PT8H, PT2H"
    })
    void anInconsistentPolicy_isRejected(String idle, String absolute, String updateAge) {
        assertThatThrownBy(() -> new SessionPolicy(Duration.parse(idle), Duration.parse(absolute), Duration.parse(updateAge)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingDurations_areRejected() {
        Duration hour = Duration.ofHours(1);

        assertThatThrownBy(() -> new SessionPolicy(null, hour, Duration.ZERO)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SessionPolicy(hour, null, Duration.ZERO)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SessionPolicy(hour, hour, null)).isInstanceOf(NullPointerException.class);
    }
}
