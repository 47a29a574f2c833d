package dev.authrag.domain.chat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A number of language-model tokens, counted the cheap way: {@value #CHARS_PER_TOKEN} characters a token, close
 * enough for English prose with the common BPE vocabularies and free of any tokenizer dependency.
 */
public record TokenBudget(int tokens) {

    public static final int CHARS_PER_TOKEN = 4;

    public TokenBudget {
        if (tokens < 1) {
            throw new IllegalArgumentException("a token budget must be positive; got " + tokens);
        }
    }

    /** The approximate token count of a text (rounded up, so a non-empty text costs at least one). */
    public static int tokensIn(String text) {
        return (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    /** The budget in characters. */
    public int chars() {
        return tokens * CHARS_PER_TOKEN;
    }

    /**
     * The most recent turns that fit this budget, oldest first. Turns are taken from the newest backwards until the
     * next would overflow; a leading answer whose question did not fit is dropped, so the model never sees an answer
     * to a question it cannot read.
     *
     * @param newestFirst one conversation's messages, newest first
     */
    public List<ChatMessage> recentTurns(List<ChatMessage> newestFirst) {
        List<ChatMessage> kept = new ArrayList<>();
        int used = 0;
        for (ChatMessage message : newestFirst) {
            used += message.approximateTokens();
            if (used > tokens) {
                break;
            }
            kept.add(message);
        }
        Collections.reverse(kept);
        while (!kept.isEmpty() && kept.get(0).role() == Role.ASSISTANT) {
            kept.remove(0);
        }
        return List.copyOf(kept);
    }
}
