package dev.authrag.domain.chat;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One turn of a conversation: the user's question or the assistant's answer with the URLs it drew on.
 * {@link #toString()} shows lengths, never the content.
 */
public record ChatMessage(MessageId id, ConversationId conversationId, Role role, String content, List<String> sources,
                          Instant createdAt) {

    public ChatMessage {
        Objects.requireNonNull(id, "message id");
        Objects.requireNonNull(conversationId, "conversation id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        sources = List.copyOf(sources);
        Objects.requireNonNull(createdAt, "created at");
    }

    /** The question as the conversation keeps it. */
    public static ChatMessage asked(ConversationId conversation, Question question, Instant now) {
        return new ChatMessage(MessageId.random(), conversation, Role.USER, question.text(), List.of(), now);
    }

    /** The answer as the conversation keeps it, with its sources. */
    public static ChatMessage answered(ConversationId conversation, Answer answer, Instant now) {
        return new ChatMessage(MessageId.random(), conversation, Role.ASSISTANT, answer.text(), answer.sources(), now);
    }

    /** What this message costs of a {@link TokenBudget}. */
    public int approximateTokens() {
        return TokenBudget.tokensIn(content);
    }

    @Override
    public String toString() {
        return "ChatMessage[id=" + id + ", role=" + role + ", " + content.length() + " chars]";
    }
}
