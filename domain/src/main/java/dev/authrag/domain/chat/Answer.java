package dev.authrag.domain.chat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What the assistant replies, and the passages it drew on, most relevant first.
 */
public record Answer(String text, List<Passage> cited) {

    public Answer {
        Objects.requireNonNull(text, "text");
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
