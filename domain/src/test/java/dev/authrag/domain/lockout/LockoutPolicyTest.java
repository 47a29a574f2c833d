package dev.authrag.domain.lockout;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LockoutPolicyTest {

    private static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);
    private static final Duration DAY = Duration.ofHours(24);

    @Test
    void standard_locksAfterTenFailuresWithinFifteenMinutesForFifteenMinutesAtMostADay() {
        LockoutPolicy standard = LockoutPolicy.standard();

        assertThat(standard.threshold()).isEqualTo(10);
        assertThat(standard.duration()).isEqualTo(FIFTEEN_MINUTES);
        assertThat(standard.window()).isEqualTo(FIFTEEN_MINUTES);
        assertThat(standard.maxDuration()).isEqualTo(DAY);
    }

    @Test
    void lockDuration_doublesWithEachLock() {
        LockoutPolicy policy = LockoutPolicy.standard();

        assertThat(policy.lockDuration(1)).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.lockDuration(2)).isEqualTo(Duration.ofMinutes(30));
        assertThat(policy.lockDuration(3)).isEqualTo(Duration.ofMinutes(60));
        assertThat(policy.lockDuration(4)).isEqualTo(Duration.ofMinutes(120));
        assertThat(policy.lockDuration(7)).isEqualTo(Duration.ofMinutes(960));
    }

    @Test
    void lockDuration_isCappedAtTheMaximum() {
        LockoutPolicy policy = LockoutPolicy.standard();

        assertThat(policy.lockDuration(8)).as("15m x 128 = 32h").isEqualTo(DAY);
        assertThat(policy.lockDuration(1_000)).isEqualTo(DAY);
        assertThat(policy.lockDuration(Integer.MAX_VALUE)).isEqualTo(DAY);
    }

    @Test
    void lockDuration_whenTheMaximumIsNotADoubling_stopsExactlyAtIt() {
        LockoutPolicy policy = LockoutPolicy.of(3, Duration.ofMinutes(10), Duration.ofMinutes(25));

        assertThat(policy.lockDuration(2)).isEqualTo(Duration.ofMinutes(20));
        assertThat(policy.lockDuration(3)).isEqualTo(Duration.ofMinutes(25));
    }

    @Test
    void lockDuration_countsLocksFromOne() {
        assertThatThrownBy(() -> LockoutPolicy.standard().lockDuration(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void of_countsFailuresWithinTheLockDuration() {
        assertThat(LockoutPolicy.of(5, Duration.ofMinutes(7), DAY).window()).isEqualTo(Duration.ofMinutes(7));
    }

    @Test
    void aPolicy_rejectsNonsense() {
        assertThatThrownBy(() -> LockoutPolicy.of(0, FIFTEEN_MINUTES, DAY)).hasMessageContaining("threshold");
        assertThatThrownBy(() -> LockoutPolicy.of(10, Duration.ZERO, DAY)).hasMessageContaining("positive");
        assertThatThrownBy(() -> LockoutPolicy.of(10, FIFTEEN_MINUTES.negated(), DAY)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new LockoutPolicy(10, FIFTEEN_MINUTES, DAY, Duration.ZERO)).hasMessageContaining("positive");
        assertThatThrownBy(() -> LockoutPolicy.of(10, DAY, FIFTEEN_MINUTES)).hasMessageContaining("maximum");
        assertThatThrownBy(() -> LockoutPolicy.of(10, null, DAY)).isInstanceOf(NullPointerException.class);
    }
}
