package dev.authrag.domain.chat;

/** Who wrote a message in a conversation. */
public enum Role {
    USER,
    ASSISTANT
}
