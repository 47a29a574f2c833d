package dev.authrag.application.chat;

import dev.authrag.domain.chat.ChunkingPolicy;
import dev.authrag.domain.chat.Passage;
import dev.authrag.domain.chat.RetrievalPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestDocumentsServiceTest {

    private final InMemoryKnowledgeBase knowledgeBase = new InMemoryKnowledgeBase();
    private final IngestDocuments ingest = new IngestDocumentsService(knowledgeBase, ChunkingPolicy.standard(), Clock.systemUTC());

    @TempDir
    Path folder;

    @Test
    void markdownAndMdxFiles_areStoredWithTheirUrls_andProgressIsReported() throws IOException {
        write("docs/intro/setup.md", "# Setup\n\nInstall the albatross package.\n");
        write("docs/index.mdx", "import X from 'x';\n\n# Docs\n\nWelcome to the albatross docs.\n");
        write("docs/notes.txt", "albatross in a text file is not documentation");
        write("node_modules/pkg/README.md", "# Dependency\n\nalbatross\n");
        write(".git/HEAD.md", "albatross");
        List<String> reported = new ArrayList<>();

        IngestDocuments.Summary summary = ingest.ingest(new IngestDocuments.Command(folder, "https://docs.example.com/",
                (path, chunks, done, total, elapsed) -> reported.add(path + " " + chunks + " " + done + "/" + total)));

        assertThat(summary.files()).isEqualTo(2);
        assertThat(summary.chunks()).isEqualTo(2);
        assertThat(reported).containsExactly("docs/index.mdx 1 1/2", "docs/intro/setup.md 1 2/2");
        assertThat(knowledgeBase.search("albatross", new RetrievalPolicy(10, 0))).extracting(Passage::url)
                .containsExactlyInAnyOrder("https://docs.example.com/docs/intro/setup", "https://docs.example.com/docs");
    }

    @Test
    void ingestingAgain_replacesRatherThanDuplicates() throws IOException {
        write("a.md", "# A\n\nfirst version of the pelican page\n");
        ingest.ingest(new IngestDocuments.Command(folder, "https://docs.example.com", (p, c, d, t, e) -> { }));
        write("a.md", "# A\n\nsecond version of the pelican page\n");

        ingest.ingest(new IngestDocuments.Command(folder, "https://docs.example.com", (p, c, d, t, e) -> { }));

        assertThat(knowledgeBase.chunkCount()).isEqualTo(1);
        assertThat(knowledgeBase.search("pelican", new RetrievalPolicy(10, 0))).extracting(Passage::text)
                .containsExactly("second version of the pelican page");
    }

    @Test
    void aMissingFolderOrABadBaseUrl_isRefused() {
        assertThatThrownBy(() -> ingest.ingest(new IngestDocuments.Command(folder.resolve("missing"), "https://d.example",
                (p, c, d, t, e) -> { }))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a folder");
        assertThatThrownBy(() -> ingest.ingest(new IngestDocuments.Command(folder, "docs.example.com",
                (p, c, d, t, e) -> { }))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base URL");
    }

    private void write(String path, String text) throws IOException {
        Path file = folder.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
