package dev.authrag.application.chat;

import dev.authrag.application.auth.MutableClock;
import dev.authrag.application.chat.AnsweringStatus.Availability;
import dev.authrag.domain.chat.ChatException;
import dev.authrag.domain.chat.Question;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WatchedLanguageModelTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final RecordingLanguageModel model = new RecordingLanguageModel();
    private final WatchedLanguageModel watched = new WatchedLanguageModel(model, clock);
    private final LanguageModel.Prompt prompt = new LanguageModel.Prompt("i", new Question("q"), List.of(), List.of());

    @Test
    void untilAFailure_answeringIsAvailable() {
        assertThat(watched.availability()).isEqualTo(Availability.AVAILABLE);
        watched.answer(prompt);
        assertThat(watched.availability()).isEqualTo(Availability.AVAILABLE);
    }

    @Test
    void aFailure_makesItUnavailableForTheRecoveryTime() {
        model.failing(true);
        assertThatThrownBy(() -> watched.answer(prompt)).isInstanceOf(ChatException.class);

        assertThat(watched.availability()).isEqualTo(Availability.UNAVAILABLE);
        clock.advance(AnsweringStatus.RECOVERY.minusSeconds(1));
        assertThat(watched.availability()).isEqualTo(Availability.UNAVAILABLE);
        clock.advance(Duration.ofSeconds(1));
        assertThat(watched.availability()).isEqualTo(Availability.AVAILABLE);
    }

    @Test
    void aSuccessAfterAFailure_makesItAvailableAtOnce() {
        model.failing(true);
        assertThatThrownBy(() -> watched.answer(prompt)).isInstanceOf(ChatException.class);
        model.failing(false);

        watched.answer(prompt);

        assertThat(watched.availability()).isEqualTo(Availability.AVAILABLE);
    }
}
