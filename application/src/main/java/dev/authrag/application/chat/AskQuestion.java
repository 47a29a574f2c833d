package dev.authrag.application.chat;

import dev.authrag.domain.chat.ChatMessage;
import dev.authrag.domain.chat.ConversationId;
import dev.authrag.domain.user.UserId;

import java.util.Objects;

/** Use case: answer a user's question from the knowledge base, in a new conversation or one of the user's own. */
public interface AskQuestion {

    /**
     * @throws dev.authrag.domain.chat.ChatException INVALID_MESSAGE, CONVERSATION_NOT_FOUND (also for someone else's),
     *                                               ANSWER_UNAVAILABLE (the question is stored all the same)
     */
    Answered ask(Command command);

    /**
     * @param conversation the conversation to continue, or null to start one
     * @param message      the question as typed
     */
    record Command(UserId asker, ConversationId conversation, String message) {

        public Command {
            Objects.requireNonNull(asker, "asker");
        }

        @Override
        public String toString() {
            return "Command[asker=" + asker + ", conversation=" + conversation + "]";
        }
    }

    /** The stored question and the stored answer (with its sources). */
    record Answered(ConversationId conversation, ChatMessage question, ChatMessage answer) {
    }
}
