package dev.authrag.application.chat;

import dev.authrag.domain.chat.Answer;
import dev.authrag.domain.chat.Passage;
import dev.authrag.domain.chat.Question;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractiveAnswersTest {

    private final ExtractiveAnswers answers = new ExtractiveAnswers();

    @Test
    void theBestPassages_areQuotedAndCited_withOneSentenceAboutTheMissingModel() {
        List<Passage> passages = List.of(
                new Passage("Tokens expire after 15 minutes.", "Guide › Tokens", "https://d.example/tokens", 0.9),
                new Passage("Sessions last 7 days.", "Guide › Sessions", "https://d.example/sessions", 0.8),
                new Passage("More about tokens.", "Guide › Tokens › More", "https://d.example/tokens", 0.7),
                new Passage("Not quoted.", "Other", "https://d.example/other", 0.1));

        Answer answer = answers.answer(prompt(passages));

        assertThat(answer.text())
                .contains("[1] Guide › Tokens (https://d.example/tokens)\n> Tokens expire after 15 minutes.")
                .contains("[2] Guide › Sessions (https://d.example/sessions)\n> Sessions last 7 days.")
                .contains("[3] Guide › Tokens › More")
                .doesNotContain("Not quoted")
                .endsWith(ExtractiveAnswers.NO_MODEL);
        assertThat(answer.sources()).containsExactly("https://d.example/tokens", "https://d.example/sessions");
    }

    @Test
    void withNothingFound_itSaysSo_andCitesNothing() {
        Answer answer = answers.answer(prompt(List.of()));

        assertThat(answer.text()).isEqualTo(ExtractiveAnswers.NOTHING_FOUND + " " + ExtractiveAnswers.NO_MODEL);
        assertThat(answer.sources()).isEmpty();
    }

    @Test
    void aLongPassage_isCutAfterASentence() {
        String text = "First sentence is here. ".repeat(60);

        String excerpt = ExtractiveAnswers.excerpt(text);

        assertThat(excerpt.length()).isLessThanOrEqualTo(ExtractiveAnswers.QUOTE_CHARS + 2);
        assertThat(excerpt).endsWith("here. …");
    }

    private static LanguageModel.Prompt prompt(List<Passage> passages) {
        return new LanguageModel.Prompt("instructions", new Question("q"), passages, List.of());
    }
}
