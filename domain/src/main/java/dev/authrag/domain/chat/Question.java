package dev.authrag.domain.chat;

import dev.authrag.domain.chat.ChatException.Reason;

/**
 * What a user asks: 1 to {@value #MAX_LENGTH} characters (Unicode code points) once surrounding white space is
 * stripped, with no control characters but tab and line breaks (text, not bytes: PostgreSQL cannot even store
 * U+0000). Its text is the user's own words and, like every message, never goes to a log.
 */
public record Question(String text) {

    public static final int MAX_LENGTH = 4000;

    public Question {
        if (text == null || text.isBlank()) {
            throw new ChatException(Reason.INVALID_MESSAGE, "Enter a message.");
        }
        text = text.strip();
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw new ChatException(Reason.INVALID_MESSAGE, "A message holds at most " + MAX_LENGTH + " characters.");
        }
        if (text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
            throw new ChatException(Reason.INVALID_MESSAGE, "A message must not contain control characters.");
        }
    }

    /** A short form for a conversation's title: the first line, cut at a word near {@code max} characters. */
    public String headline(int max) {
        String firstLine = text.lines().findFirst().orElse("").strip();
        if (firstLine.length() <= max) {
            return firstLine;
        }
        int cut = firstLine.lastIndexOf(' ', max - 1);
        return firstLine.substring(0, cut > max / 2 ? cut : max - 1).strip() + "…";
    }

    @Override
    public String toString() {
        return "Question[" + text.length() + " chars]";
    }
}
