package dev.authrag.application.chat;

import dev.authrag.domain.chat.ChunkingPolicy;
import dev.authrag.domain.chat.Document;
import dev.authrag.domain.chat.Passage;
import dev.authrag.domain.chat.RetrievalPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link KnowledgeBase} adapter must do, run against the in-memory fake and the PostgreSQL adapter. Each
 * test uses words of its own, so tests sharing one store do not see each other's documents.
 */
public abstract class KnowledgeBaseContract {

    private static final String BASE = "https://docs.example.com";
    private static final RetrievalPolicy ALL = new RetrievalPolicy(RetrievalPolicy.MAX_TOP_K, 0);

    protected abstract KnowledgeBase knowledgeBase();

    @Test
    void aStoredChunk_isFoundByItsWords_withItsHeadingPathAndUrl() {
        String path = unique() + "/setup.md";
        store(path, "# Setup\n\n## Database\n\nThe jellyfish connector needs a hostname.\n");

        List<Passage> found = knowledgeBase().search("jellyfish connector", ALL);

        assertThat(found).hasSize(1);
        assertThat(found.get(0).title()).isEqualTo("Setup › Database");
        assertThat(found.get(0).url()).isEqualTo(BASE + "/" + path.replace(".md", ""));
        assertThat(found.get(0).text()).contains("jellyfish connector");
        assertThat(found.get(0).score()).isPositive();
    }

    @Test
    void storingADocumentAgain_replacesItsChunks_withoutDuplicates() {
        String path = unique() + "/page.md";
        store(path, "# Page\n\nThe walrus protocol is old.\n");
        store(path, "# Page\n\nThe walrus protocol is new.\n");

        List<Passage> found = knowledgeBase().search("walrus protocol", ALL);

        assertThat(found).hasSize(1);
        assertThat(found.get(0).text()).contains("new").doesNotContain("old");
    }

    @Test
    void aDocumentStoredWithoutChunks_isNoLongerFound() {
        String path = unique() + "/gone.md";
        store(path, "# Gone\n\nThe platypus exporter.\n");

        knowledgeBase().replace(Document.parse(path, "", BASE), List.of());

        assertThat(knowledgeBase().search("platypus exporter", ALL)).isEmpty();
    }

    @Test
    void search_returnsAtMostTopK_bestFirst() {
        String folder = unique();
        store(folder + "/a.md", "# A\n\nflamingo\n");
        store(folder + "/b.md", "# B\n\nflamingo gazelle\n");
        store(folder + "/c.md", "# C\n\nflamingo\n");

        List<Passage> found = knowledgeBase().search("flamingo gazelle", new RetrievalPolicy(2, 0));

        assertThat(found).hasSize(2);
        assertThat(found.get(0).url()).endsWith(folder + "/b");
        assertThat(found.get(0).score()).isGreaterThanOrEqualTo(found.get(1).score());
    }

    @Test
    void search_leavesOutPassagesBelowTheMinimumScore() {
        store(unique() + "/x.md", "# X\n\nThe narwhal balancer.\n");

        assertThat(knowledgeBase().search("narwhal balancer", new RetrievalPolicy(5, 1.0))).isEmpty();
    }

    @Test
    void aQuestionWithNoKnownWord_findsNothing() {
        assertThat(knowledgeBase().search("zzyzx qwxv", ALL)).isEmpty();
        assertThat(knowledgeBase().search("", ALL)).isEmpty();
    }

    private void store(String path, String markdown) {
        Document document = Document.parse(path, markdown, BASE);
        knowledgeBase().replace(document, document.chunks(ChunkingPolicy.standard()));
    }

    private static String unique() {
        return "docs-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
