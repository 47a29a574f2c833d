package dev.authrag.domain.chat;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswerTest {

    @Test
    void sources_areTheCitedUrlsOnceEach_inRankOrder() {
        Answer answer = new Answer("text", List.of(
                new Passage("a", "A", "https://docs.example.com/b", 0.9),
                new Passage("b", "B", "https://docs.example.com/a", 0.8),
                new Passage("c", "C", "https://docs.example.com/b", 0.7)));

        assertThat(answer.sources()).containsExactly("https://docs.example.com/b", "https://docs.example.com/a");
    }

    @Test
    void aNulCharacterFromTheModel_isDropped() {
        assertThat(new Answer("before\u0000after", List.of()).text()).isEqualTo("beforeafter");
    }

    @Test
    void retrievalPolicy_rejectsOutOfRangeValues() {
        assertThatThrownBy(() -> new RetrievalPolicy(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrievalPolicy(51, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrievalPolicy(5, -0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrievalPolicy(5, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new RetrievalPolicy(5, 0.2).topK()).isEqualTo(5);
    }
}
