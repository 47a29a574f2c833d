package dev.authrag.domain.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenHashTest {

    private static final String HEX = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void sixtyFourLowerCaseHexDigits_areAccepted() {
        assertThat(new TokenHash(HEX).hex()).isEqualTo(HEX);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad0",
            "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",
            "za7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            " a7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    })
    void anythingElse_isRejected(String hex) {
        assertThatThrownBy(() -> new TokenHash(hex)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toString_showsOnlyAPrefix() {
        assertThat(new TokenHash(HEX).toString()).isEqualTo("TokenHash[ba7816bf...]").doesNotContain(HEX);
    }
}
