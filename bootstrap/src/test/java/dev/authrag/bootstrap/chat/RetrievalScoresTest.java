package dev.authrag.bootstrap.chat;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The benchmark's arithmetic, and how it reads a question file. */
class RetrievalScoresTest {

    @Test
    void hitsAndMeanReciprocalRank_countFromTheRanks() {
        RetrievalScores scores = new RetrievalScores();
        for (int rank : new int[] {1, 2, 0, 5, 1}) {
            scores.rank(rank);
        }

        assertThat(scores.questions()).isEqualTo(5);
        assertThat(scores.hitAt(1)).isEqualTo(0.4);
        assertThat(scores.hitAt(2)).isEqualTo(0.6);
        assertThat(scores.hitAt(5)).isEqualTo(0.8);
        assertThat(scores.meanReciprocalRank()).isCloseTo((1 + 0.5 + 0 + 0.2 + 1) / 5, within(1e-12));
    }

    @Test
    void latencyPercentiles_areNearestRank() {
        RetrievalScores scores = new RetrievalScores();
        for (int millis = 20; millis >= 1; millis--) {
            scores.latency(Duration.ofMillis(millis));
        }

        assertThat(scores.latencyMillis(50)).isEqualTo(10.0);
        assertThat(scores.latencyMillis(95)).isEqualTo(19.0);
        assertThat(scores.latencyMillis(100)).isEqualTo(20.0);
        assertThat(new RetrievalScores().latencyMillis(95)).isZero();
        assertThatThrownBy(() -> scores.latencyMillis(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noQuestions_scoreZero_andANegativeRankIsRefused() {
        RetrievalScores scores = new RetrievalScores();

        assertThat(scores.hitAt(1)).isZero();
        assertThat(scores.meanReciprocalRank()).isZero();
        assertThatThrownBy(() -> scores.rank(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aQuestionFile_isReadLineByLine_skippingComments() {
        RetrievalQuestions questions = RetrievalQuestions.parse("""
                # a comment | with | bars

                heading | How do I set up? | guide/setup.md
                Paraphrase | where do I start, really? | guide/setup.md, index.md ,
                """);

        assertThat(questions.questions()).extracting(RetrievalQuestions.Question::line).containsExactly(3, 4);
        assertThat(questions.questions().get(1).kind()).isEqualTo("paraphrase");
        assertThat(questions.questions().get(1).text()).isEqualTo("where do I start, really?");
        assertThat(questions.questions().get(1).pages()).containsExactly("guide/setup.md", "index.md");
    }

    @Test
    void aMalformedQuestion_isRefusedByItsLine() {
        assertThatThrownBy(() -> RetrievalQuestions.parse("heading | only two fields\n")).hasMessageStartingWith("line 1:");
        assertThatThrownBy(() -> RetrievalQuestions.parse("\nguess | q | a.md\n")).hasMessageStartingWith("line 2:");
        assertThatThrownBy(() -> RetrievalQuestions.parse("heading | q | , \n")).hasMessageStartingWith("line 1:");
        assertThatThrownBy(() -> RetrievalQuestions.parse("# nothing\n")).hasMessage("no questions");
    }
}
