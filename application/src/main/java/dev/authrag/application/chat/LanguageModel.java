package dev.authrag.application.chat;

import dev.authrag.domain.chat.Answer;
import dev.authrag.domain.chat.ChatMessage;
import dev.authrag.domain.chat.Passage;
import dev.authrag.domain.chat.Question;

import java.util.List;
import java.util.Objects;

/** Driven port: writes the answer to a question from passages of the knowledge base and the conversation so far. */
public interface LanguageModel {

    /**
     * @throws dev.authrag.domain.chat.ChatException ANSWER_UNAVAILABLE when the model cannot answer now (timeout,
     *                                               server error, refusal, unreachable)
     */
    Answer answer(Prompt prompt);

    /**
     * Everything the model is given.
     *
     * @param instructions the system prompt
     * @param passages     the retrieved passages, best first
     * @param history      the earlier turns of this conversation only, oldest first
     */
    record Prompt(String instructions, Question question, List<Passage> passages, List<ChatMessage> history) {

        public Prompt {
            Objects.requireNonNull(instructions, "instructions");
            Objects.requireNonNull(question, "question");
            passages = List.copyOf(passages);
            history = List.copyOf(history);
        }

        @Override
        public String toString() {
            return "Prompt[" + passages.size() + " passages, " + history.size() + " earlier turns]";
        }
    }
}
