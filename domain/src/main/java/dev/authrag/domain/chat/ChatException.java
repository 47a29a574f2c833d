package dev.authrag.domain.chat;

/**
 * The one exception family of chat rules. The web adapter maps each {@link Reason} to a status and a stable error
 * code, once, in a switch.
 */
public final class ChatException extends RuntimeException {

    /** Why a chat request was refused. */
    public enum Reason {
        /** The message is empty, blank or longer than {@link Question#MAX_LENGTH}. */
        INVALID_MESSAGE,
        /** No such conversation, or it belongs to someone else: the two look the same on purpose. */
        CONVERSATION_NOT_FOUND,
        /** The language model did not answer (timeout, server error, refusal). */
        ANSWER_UNAVAILABLE
    }

    private final Reason reason;

    public ChatException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
