package dev.authrag.domain.chat;

import java.util.Objects;

/**
 * A piece of the knowledge base found for a question.
 *
 * @param title the heading path of the chunk ("Guide › Setup › Database")
 * @param url   where a reader finds it on the documentation site
 * @param score the knowledge base's relevance, higher is better (0..1 for the full-text default)
 */
public record Passage(String text, String title, String url, double score) {

    public Passage {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
    }

    @Override
    public String toString() {
        return "Passage[" + url + ", " + text.length() + " chars, score=" + score + "]";
    }
}
