package dev.authrag.domain.chat;

import java.util.Objects;
import java.util.UUID;

/** A conversation's stable identity. */
public record ConversationId(UUID value) {

    public ConversationId {
        Objects.requireNonNull(value, "conversation id");
    }

    public static ConversationId random() {
        return new ConversationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
