package dev.authrag.domain.chat;

import dev.authrag.domain.user.UserId;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's conversation with the assistant. It belongs to exactly one user; whether someone may see or continue
 * it is {@link #isOwnedBy}'s decision, and a foreign conversation looks exactly like a missing one.
 *
 * @param title the first question's headline, for the conversation list
 */
public record Conversation(ConversationId id, UserId owner, String title, Instant createdAt) {

    /** How long a title may be; the first question's first line, cut at a word. */
    public static final int TITLE_LENGTH = 80;

    public Conversation {
        Objects.requireNonNull(id, "conversation id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(createdAt, "created at");
    }

    /** A new conversation opened by its first question. */
    public static Conversation start(UserId owner, Question first, Instant now) {
        return new Conversation(ConversationId.random(), owner, first.headline(TITLE_LENGTH), now);
    }

    public boolean isOwnedBy(UserId user) {
        return owner.equals(user);
    }

    @Override
    public String toString() {
        return "Conversation[id=" + id + ", owner=" + owner + "]";
    }
}
