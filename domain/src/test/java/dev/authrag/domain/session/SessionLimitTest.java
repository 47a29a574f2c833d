package dev.authrag.domain.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionLimitTest {

    @Test
    void standard_allowsTenActiveSessions() {
        assertThat(SessionLimit.standard().maxActive()).isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, SessionLimit.CEILING})
    void aLimitWithinRange_isAccepted(int max) {
        assertThat(new SessionLimit(max).maxActive()).isEqualTo(max);
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, SessionLimit.CEILING + 1})
    void aLimitOutOfRange_isRejected(int max) {
        assertThatThrownBy(() -> new SessionLimit(max)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.." + SessionLimit.CEILING);
    }
}
