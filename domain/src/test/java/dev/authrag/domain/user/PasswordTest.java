package dev.authrag.domain.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordTest {

    @Test
    void of_mapsFullWidthLettersToTheirAsciiForm() {
        assertThat(Password.of("ｐａｓｓｗｏｒｄ１２３").reveal()).isEqualTo("password123");
    }

    @Test
    void of_splitsLigatures() {
        assertThat(Password.of("\uFB01sh").reveal()).isEqualTo("fish");
    }

    @Test
    void of_givesOneFormForComposedAndDecomposedAccents() {
        assertThat(Password.of("cafe\u0301").reveal()).isEqualTo(Password.of("caf\u00e9").reveal());
    }

    @Test
    void of_keepsLetterCase() {
        assertThat(Password.of("CorrectHorse").reveal()).isEqualTo("CorrectHorse");
    }

    @Test
    void of_rejectsNull() {
        assertThatThrownBy(() -> Password.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void length_countsCodePointsNotUtf16Units() {
        Password emoji = Password.of("\uD83D\uDD11\uD83D\uDD12\uD83D\uDD13");

        assertThat(emoji.reveal()).hasSize(6);
        assertThat(emoji.length()).isEqualTo(3);
    }

    @Test
    void length_isTakenAfterNormalisation() {
        assertThat(Password.of("\uFB01\uFB01").length()).isEqualTo(4);
    }

    @Test
    void toString_neverShowsThePassword() {
        Password password = Password.of("hunter2-secret");

        assertThat(password.toString()).isEqualTo("Password[redacted]").doesNotContain("hunter2");
        assertThat("" + password).doesNotContain("hunter2");
    }
}
