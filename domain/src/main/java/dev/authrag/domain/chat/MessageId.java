package dev.authrag.domain.chat;

import java.util.Objects;
import java.util.UUID;

/** A chat message's stable identity. */
public record MessageId(UUID value) {

    public MessageId {
        Objects.requireNonNull(value, "message id");
    }

    public static MessageId random() {
        return new MessageId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
