package dev.authrag.domain.chat;

import dev.authrag.domain.chat.ChatException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuestionTest {

    @Test
    void aQuestion_isStrippedOfSurroundingWhiteSpace() {
        assertThat(new Question("  How do I sign in?\n").text()).isEqualTo("How do I sign in?");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\n\t "})
    void anEmptyOrBlankQuestion_isAnInvalidMessage(String text) {
        assertThatThrownBy(() -> new Question(text))
                .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_MESSAGE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0000", "bell\u0007", "escape\u001b[31m", "del\u007f", "c1\u0085x"})
    void controlCharacters_areAnInvalidMessage(String text) {
        assertThatThrownBy(() -> new Question(text))
                .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_MESSAGE));
    }

    @Test
    void tabsAndLineBreaks_areText() {
        assertThat(new Question("first line\r\nsecond\tline").text()).isEqualTo("first line\r\nsecond\tline");
    }

    @Test
    void fourThousandCharacters_areAllowed_andOneMoreIsNot() {
        assertThat(new Question("a".repeat(4000)).text()).hasSize(4000);
        assertThatThrownBy(() -> new Question("a".repeat(4001)))
                .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_MESSAGE));
    }

    @Test
    void theLimit_countsCharactersNotUtf16Units() {
        String emoji = "😀".repeat(4000);

        assertThat(new Question(emoji).text()).isEqualTo(emoji);
    }

    @Test
    void headline_isTheFirstLineCutAtAWord() {
        Question question = new Question("How do I configure the database connection pool for production use?\nMore detail.");

        assertThat(question.headline(80)).isEqualTo("How do I configure the database connection pool for production use?");
        assertThat(question.headline(30)).isEqualTo("How do I configure the…");
    }

    @Test
    void toString_neverShowsTheText() {
        assertThat(new Question("my secret plan").toString()).doesNotContain("secret").contains("14 chars");
    }
}
