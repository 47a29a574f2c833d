package dev.authrag.application.chat;

import dev.authrag.domain.chat.Answer;
import dev.authrag.domain.chat.ChatException;
import dev.authrag.domain.chat.ChatException.Reason;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Puts a language model behind the status route: answering is unavailable for {@link AnsweringStatus#RECOVERY}
 * after the model's last call failed, unless a call succeeded since. Costs nothing (no probe calls to a paid API)
 * and is per instance, which is what a client talking to this instance sees.
 */
public final class WatchedLanguageModel implements LanguageModel, AnsweringStatus {

    private final LanguageModel model;
    private final Clock clock;
    private final AtomicReference<Instant> lastFailure = new AtomicReference<>();

    public WatchedLanguageModel(LanguageModel model, Clock clock) {
        this.model = model;
        this.clock = clock;
    }

    @Override
    public Answer answer(Prompt prompt) {
        try {
            Answer answer = model.answer(prompt);
            lastFailure.set(null);
            return answer;
        } catch (ChatException e) {
            if (e.reason() == Reason.ANSWER_UNAVAILABLE) {
                lastFailure.set(clock.instant());
            }
            throw e;
        }
    }

    @Override
    public Availability availability() {
        Instant failed = lastFailure.get();
        return failed != null && clock.instant().isBefore(failed.plus(RECOVERY)) ? Availability.UNAVAILABLE : Availability.AVAILABLE;
    }
}
