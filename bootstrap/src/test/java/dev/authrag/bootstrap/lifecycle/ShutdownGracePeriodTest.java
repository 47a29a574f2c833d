package dev.authrag.bootstrap.lifecycle;

import dev.authrag.bootstrap.settings.Setting;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The setting's parsing; that the process honours it is GracefulShutdownTest's (a 2 s grace period, not the default 20 s). */
class ShutdownGracePeriodTest {

    @Test
    void aDuration_isTheGracePeriod() {
        assertThat(new ShutdownGracePeriod(new LifecycleSettings("45s")).gracePeriod()).isEqualTo(Duration.ofSeconds(45));
        assertThat(new ShutdownGracePeriod(new LifecycleSettings("PT1M")).gracePeriod()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aMalformedValue_stopsStartUp_namingTheVariable() {
        assertThatThrownBy(() -> new ShutdownGracePeriod(new LifecycleSettings("soon")))
                .isInstanceOf(Setting.InvalidSettingException.class).hasMessageContaining("SHUTDOWN_GRACE_PERIOD");
        assertThatThrownBy(() -> new ShutdownGracePeriod(new LifecycleSettings("0s")))
                .isInstanceOf(Setting.InvalidSettingException.class).hasMessageContaining("SHUTDOWN_GRACE_PERIOD");
    }
}
