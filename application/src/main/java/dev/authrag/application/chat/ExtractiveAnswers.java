package dev.authrag.application.chat;

import dev.authrag.domain.chat.Answer;
import dev.authrag.domain.chat.Passage;

import java.util.List;

/**
 * The language model when none is configured: it quotes the most relevant passages, each with its title and URL,
 * and says in one sentence that no model is configured. Chat works out of the box, with the database alone.
 */
public final class ExtractiveAnswers implements LanguageModel {

    static final String NO_MODEL = "No language model is configured, so this answer quotes the documentation instead of writing one.";
    static final String NOTHING_FOUND = "I found nothing in the documentation about that.";
    /** Three quotes of up to ~150 words each: a screenful, the best of what top-k brought back. */
    static final int QUOTES = 3;
    static final int QUOTE_CHARS = 800;

    @Override
    public Answer answer(Prompt prompt) {
        List<Passage> quoted = prompt.passages().stream().limit(QUOTES).toList();
        if (quoted.isEmpty()) {
            return new Answer(NOTHING_FOUND + " " + NO_MODEL, List.of());
        }
        StringBuilder text = new StringBuilder(quoted.size() == 1
                ? "The most relevant passage of the documentation:\n\n"
                : "The most relevant passages of the documentation:\n\n");
        for (int i = 0; i < quoted.size(); i++) {
            Passage passage = quoted.get(i);
            text.append('[').append(i + 1).append("] ").append(passage.title()).append(" (").append(passage.url()).append(")\n");
            excerpt(passage.text()).lines().forEach(line -> text.append("> ").append(line).append('\n'));
            text.append('\n');
        }
        text.append(NO_MODEL);
        return new Answer(text.toString(), quoted);
    }

    /** The passage, or its beginning cut after a sentence (else a word) with an ellipsis. */
    static String excerpt(String text) {
        String stripped = text.strip();
        if (stripped.length() <= QUOTE_CHARS) {
            return stripped;
        }
        String head = stripped.substring(0, QUOTE_CHARS);
        int sentence = Math.max(head.lastIndexOf(". "), head.lastIndexOf(".\n"));
        if (sentence > QUOTE_CHARS / 2) {
            return head.substring(0, sentence + 1) + " …";
        }
        int word = head.lastIndexOf(' ');
        return (word > QUOTE_CHARS / 2 ? head.substring(0, word) : head) + " …";
    }
}
