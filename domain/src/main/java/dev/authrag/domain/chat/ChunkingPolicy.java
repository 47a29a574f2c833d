package dev.authrag.domain.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How documents are cut for retrieval: chunks of about {@code size} tokens, each repeating about {@code overlap}
 * tokens of the one before. Cuts fall between paragraphs where possible, else between sentences, else between
 * words; a fenced code block is one paragraph.
 */
public record ChunkingPolicy(TokenBudget size, TokenBudget overlap) {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    public ChunkingPolicy {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(overlap, "overlap");
        if (overlap.tokens() * 2 > size.tokens()) {
            throw new IllegalArgumentException("the overlap must be at most half the chunk size; got "
                    + overlap.tokens() + " of " + size.tokens());
        }
    }

    /** About 500 tokens a chunk with 50 of overlap: a few paragraphs, enough context for an answer, five fit a prompt. */
    public static ChunkingPolicy standard() {
        return new ChunkingPolicy(new TokenBudget(500), new TokenBudget(50));
    }

    /** Cuts one section's text into chunks no longer than the size. */
    List<String> split(String text) {
        int max = size.chars();
        List<String> pieces = new ArrayList<>();
        for (String block : blocks(text)) {
            pieces.addAll(block.length() <= max ? List.of(block) : cut(block, max));
        }
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String piece : pieces) {
            if (!current.isEmpty() && current.length() + 2 + piece.length() > max) {
                String done = current.toString();
                chunks.add(done);
                current.setLength(0);
                String tail = tail(done, Math.min(overlap.chars(), max - piece.length() - 2));
                if (!tail.isEmpty()) {
                    current.append(tail);
                }
            }
            if (!current.isEmpty()) {
                current.append("\n\n");
            }
            current.append(piece);
        }
        if (!current.isEmpty()) {
            chunks.add(current.toString());
        }
        return chunks;
    }

    /** Paragraphs, with each fenced code block kept whole. */
    private static List<String> blocks(String text) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        String fence = null;
        for (String line : text.split("\n", -1)) {
            String stripped = line.strip();
            if (fence == null && (stripped.startsWith("```") || stripped.startsWith("~~~"))) {
                fence = stripped.substring(0, 3);
            } else if (fence != null && stripped.startsWith(fence)) {
                fence = null;
            } else if (fence == null && stripped.isEmpty()) {
                if (!block.isEmpty()) {
                    blocks.add(block.toString().strip());
                    block.setLength(0);
                }
                continue;
            }
            block.append(line).append('\n');
        }
        if (!block.toString().isBlank()) {
            blocks.add(block.toString().strip());
        }
        return blocks;
    }

    /** A block longer than the size, cut between sentences, else between words, else anywhere. */
    private static List<String> cut(String block, int max) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String sentence : SENTENCE_END.split(block)) {
            for (String unit : sentence.length() <= max ? List.of(sentence) : words(sentence, max)) {
                if (!current.isEmpty() && current.length() + 1 + unit.length() > max) {
                    parts.add(current.toString());
                    current.setLength(0);
                }
                if (!current.isEmpty()) {
                    current.append(' ');
                }
                current.append(unit);
            }
        }
        if (!current.isEmpty()) {
            parts.add(current.toString());
        }
        return parts;
    }

    private static List<String> words(String sentence, int max) {
        List<String> words = new ArrayList<>();
        for (String word : sentence.split("\\s+")) {
            for (int start = 0; start < word.length(); start += max) {
                words.add(word.substring(start, Math.min(word.length(), start + max)));
            }
        }
        return words;
    }

    /** The end of a chunk, at most {@code chars} long, starting at a word. */
    private static String tail(String chunk, int chars) {
        if (chars <= 0) {
            return "";
        }
        if (chunk.length() <= chars) {
            return chunk;
        }
        int start = chunk.length() - chars;
        int space = chunk.indexOf(' ', start);
        int newline = chunk.indexOf('\n', start);
        int cut = space < 0 ? newline : newline < 0 ? space : Math.min(space, newline);
        return cut < 0 ? "" : chunk.substring(cut + 1).strip();
    }
}
