package dev.authrag.bootstrap.auth;

import dev.authrag.bootstrap.settings.Setting.InvalidSettingException;
import dev.authrag.domain.lockout.LockoutPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lockout variables become the domain's policy, and a bad one stops start-up by name. */
class LockoutSettingsTest {

    private final AuthFactory factory = new AuthFactory();

    @Test
    void theDefaults_giveTheStandardPolicy() {
        assertThat(factory.lockoutPolicy(new LockoutSettings("10", "15m", "24h"))).isEqualTo(LockoutPolicy.standard());
    }

    @Test
    void customValues_setThresholdDurationsAndTheCountingWindow() {
        LockoutPolicy policy = factory.lockoutPolicy(new LockoutSettings("5", "PT2M", "1h"));

        assertThat(policy).isEqualTo(new LockoutPolicy(5, Duration.ofMinutes(2), Duration.ofHours(1), Duration.ofMinutes(2)));
    }

    @Test
    void aBadValue_isRejectedNamingItsVariable() {
        assertThatThrownBy(() -> factory.lockoutPolicy(new LockoutSettings("0", "15m", "24h")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("LOCKOUT_THRESHOLD");
        assertThatThrownBy(() -> factory.lockoutPolicy(new LockoutSettings("ten", "15m", "24h")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("LOCKOUT_THRESHOLD");
        assertThatThrownBy(() -> factory.lockoutPolicy(new LockoutSettings("10", "forever", "24h")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("LOCKOUT_DURATION");
        assertThatThrownBy(() -> factory.lockoutPolicy(new LockoutSettings("10", "15m", "0s")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("LOCKOUT_MAX_DURATION");
        assertThatThrownBy(() -> factory.lockoutPolicy(new LockoutSettings("10", "2h", "1h")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("LOCKOUT_MAX_DURATION");
    }
}
