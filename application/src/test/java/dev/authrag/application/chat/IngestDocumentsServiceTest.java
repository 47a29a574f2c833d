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

    @TempDir
    Path outside;

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

    @Test
    void linksLeavingTheFolder_areSkippedAndReportedByTheLinksName_neverRead() throws IOException {
        Files.writeString(outside.resolve("secrets.md"), "# Secrets\n\nthe cormorant password\n");
        Files.createDirectories(outside.resolve("tree"));
        Files.writeString(outside.resolve("tree/more.md"), "# More\n\nanother cormorant\n");
        write("guide.md", "# Guide\n\nthe cormorant guide\n");
        Files.createSymbolicLink(folder.resolve("leak.md"), outside.resolve("secrets.md"));
        Files.createSymbolicLink(folder.resolve("escape"), outside.resolve("tree"));
        Files.createSymbolicLink(folder.resolve("relative.md"), Path.of("..", outside.getFileName().toString(), "secrets.md"));
        List<String> skipped = new ArrayList<>();

        IngestDocuments.Summary summary = ingest.ingest(new IngestDocuments.Command(folder, "https://docs.example.com",
                progress(skipped)));

        assertThat(summary.files()).isEqualTo(1);
        assertThat(summary.skipped()).isEqualTo(3);
        assertThat(skipped).containsExactly("escape: a link to outside the folder", "leak.md: a link to outside the folder",
                "relative.md: a link to outside the folder");
        assertThat(knowledgeBase.search("cormorant", new RetrievalPolicy(10, 0))).extracting(Passage::text)
                .containsExactly("the cormorant guide");
    }

    @Test
    void linksInsideTheFolder_areFollowed_eachRealFileReadOnce_andALinkToAParentEnds() throws IOException {
        write("real/page.md", "# Page\n\nthe grebe page\n");
        write("shared/part.md", "# Part\n\nthe grebe part\n");
        Files.createSymbolicLink(folder.resolve("alias.md"), folder.resolve("shared/part.md"));
        Files.createSymbolicLink(folder.resolve("real/loop"), Path.of(".."));
        List<String> skipped = new ArrayList<>();

        IngestDocuments.Summary summary = ingest.ingest(new IngestDocuments.Command(folder, "https://docs.example.com",
                progress(skipped)));

        assertThat(skipped).isEmpty();
        assertThat(summary.files()).isEqualTo(2);
        assertThat(knowledgeBase.search("grebe", new RetrievalPolicy(10, 0))).extracting(Passage::url)
                .containsExactlyInAnyOrder("https://docs.example.com/alias", "https://docs.example.com/real/page");
    }

    @Test
    void aFileOverTheSizeCap_isSkippedAndReported_andOneAtTheCapIsStored() throws IOException {
        IngestDocuments capped = new IngestDocumentsService(knowledgeBase, ChunkingPolicy.standard(), Clock.systemUTC(), 100);
        String atCap = "# At\n\nthe heron " + "x".repeat(100 - 17) + "\n";
        write("at.md", atCap);
        write("over.md", "# Over\n\nthe heron " + "y".repeat(200) + "\n");
        List<String> skipped = new ArrayList<>();

        IngestDocuments.Summary summary = capped.ingest(new IngestDocuments.Command(folder, "https://docs.example.com",
                progress(skipped)));

        assertThat(atCap).hasSize(100);
        assertThat(summary.files()).isEqualTo(1);
        assertThat(skipped).containsExactly("over.md: larger than 100 bytes (INGEST_MAX_FILE_SIZE)");
        assertThat(knowledgeBase.search("heron", new RetrievalPolicy(10, 0))).extracting(Passage::url)
                .containsExactly("https://docs.example.com/at");
    }

    private static IngestDocuments.Progress progress(List<String> skipped) {
        return new IngestDocuments.Progress() {
            @Override
            public void stored(String path, int chunks, int done, int total, java.time.Duration elapsed) {
            }

            @Override
            public void skipped(String path, String reason) {
                skipped.add(path + ": " + reason);
            }
        };
    }

    private void write(String path, String text) throws IOException {
        Path file = folder.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
