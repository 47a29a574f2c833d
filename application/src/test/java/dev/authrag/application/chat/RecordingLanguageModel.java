package dev.authrag.application.chat;

import dev.authrag.domain.chat.Answer;
import dev.authrag.domain.chat.ChatException;
import dev.authrag.domain.chat.ChatException.Reason;

import java.util.ArrayList;
import java.util.List;

/** Test fake of {@link LanguageModel}: keeps every prompt, answers with a fixed text citing all passages, or fails on demand. */
public final class RecordingLanguageModel implements LanguageModel {

    private final List<Prompt> prompts = new ArrayList<>();
    private volatile boolean failing;
    private volatile String reply = "A generated answer.";

    @Override
    public synchronized Answer answer(Prompt prompt) {
        prompts.add(prompt);
        if (failing) {
            throw new ChatException(Reason.ANSWER_UNAVAILABLE, "The model is down.");
        }
        return new Answer(reply, prompt.passages());
    }

    public void failing(boolean fail) {
        this.failing = fail;
    }

    public void reply(String text) {
        this.reply = text;
    }

    public synchronized List<Prompt> prompts() {
        return List.copyOf(prompts);
    }

    public synchronized Prompt lastPrompt() {
        return prompts.get(prompts.size() - 1);
    }
}
