package dev.authrag.application.chat;

import dev.authrag.domain.chat.Document;
import dev.authrag.domain.chat.Passage;
import dev.authrag.domain.chat.RetrievalPolicy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Test fake of {@link KnowledgeBase}: a passage scores the share of the question's words (of four letters or more, plus one)
 * that its title or text contains, a crude stand-in for full-text ranking.
 */
public final class InMemoryKnowledgeBase implements KnowledgeBase {

    private final Map<String, List<Passage>> byUrl = new LinkedHashMap<>();

    @Override
    public synchronized List<Passage> search(String question, RetrievalPolicy policy) {
        Set<String> words = words(question);
        if (words.isEmpty()) {
            return List.of();
        }
        List<Passage> found = new ArrayList<>();
        for (List<Passage> passages : byUrl.values()) {
            for (Passage passage : passages) {
                Set<String> present = words(passage.title() + " " + passage.text());
                // below 1 even when every word matches, like ts_rank_cd normalised to rank / (rank + 1)
                double score = words.stream().filter(present::contains).count() / (words.size() + 1.0);
                if (score > 0 && score >= policy.minScore()) {
                    found.add(new Passage(passage.text(), passage.title(), passage.url(), score));
                }
            }
        }
        return found.stream().sorted(Comparator.comparingDouble(Passage::score).reversed()).limit(policy.topK()).toList();
    }

    @Override
    public synchronized void replace(Document document, List<Document.Chunk> chunks) {
        byUrl.put(document.url(), chunks.stream().map(chunk -> new Passage(chunk.text(), chunk.title(), document.url(), 0)).toList());
    }

    public synchronized int chunkCount() {
        return byUrl.values().stream().mapToInt(List::size).sum();
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> word.length() >= 4)
                .collect(Collectors.toSet());
    }
}
