package dev.authrag.domain.chat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What the assistant replies, and the passages it drew on, most relevant first. A model's reply is outside input:
 * U+0000, which means nothing in text and which PostgreSQL cannot store, is dropped from it.
 */
public record Answer(String text, List<Passage> cited) {

    public Answer {
        Objects.requireNonNull(text, "text");
        text = text.replace("\u0000", "");
        cited = List.copyOf(cited);
    }

    /** The URLs of the passages used, each once, in rank order: several chunks of one page are one source. */
    public List<String> sources() {
        LinkedHashSet<String> urls = new LinkedHashSet<>();
        cited.forEach(passage -> urls.add(passage.url()));
        return List.copyOf(urls);
    }

    @Override
    public String toString() {
        return "Answer[" + text.length() + " chars, " + cited.size() + " passages]";
    }
}
