package dev.authrag.domain.chat;

import dev.authrag.domain.chat.Document.Chunk;
import dev.authrag.domain.chat.Document.Section;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentTest {

    private static final String BASE = "https://docs.example.com";

    @Test
    void theFrontMatterTitle_winsOverTheFirstHeading_andIsNotIndexed() {
        Document document = Document.parse("docs/setup.md", """
                ---
                title: Installing authrag
                secret_note: not for the index
                ---
                # Setup

                Run the jar.
                """, BASE);

        assertThat(document.title()).isEqualTo("Installing authrag");
        assertThat(document.url()).isEqualTo("https://docs.example.com/docs/setup");
        assertThat(document.sections()).extracting(Section::text).containsExactly("Run the jar.");
        assertThat(document.sections().toString()).doesNotContain("not for the index");
    }

    @Test
    void withoutFrontMatter_theFirstTopHeadingIsTheTitle_elseTheFileName() {
        assertThat(Document.parse("a.md", "## Sub\n\ntext\n\n# Real title\n\nmore", BASE).title()).isEqualTo("Real title");
        assertThat(Document.parse("docs/getting-started.md", "just text", BASE).title()).isEqualTo("Getting started");
    }

    @Test
    void sections_carryTheirHeadingPath() {
        Document document = Document.parse("guide.md", """
                # Guide

                Intro.

                ## Database

                About databases.

                ### Pooling {#pool}

                About pools.

                ## Tokens

                About tokens.
                """, BASE);

        assertThat(document.sections()).extracting(Section::headings).containsExactly(
                List.of(), List.of("Database"), List.of("Database", "Pooling"), List.of("Tokens"));
        assertThat(document.chunks(ChunkingPolicy.standard())).extracting(Chunk::title).containsExactly(
                "Guide", "Guide › Database", "Guide › Database › Pooling", "Guide › Tokens");
    }

    @Test
    void thePagesOwnHeading_isNotRepeatedUnderAFrontMatterTitle() {
        Document document = Document.parse("setup.md", "---\ntitle: Setting up\n---\n# Setup\n\nIntro.\n\n## Ports\n\n7860.\n", BASE);

        assertThat(document.chunks(ChunkingPolicy.standard())).extracting(Chunk::title)
                .containsExactly("Setting up", "Setting up › Ports");
    }

    @Test
    void aHashInsideAFence_isCodeNotAHeading() {
        Document document = Document.parse("run.md", """
                # Run

                ```bash
                # start the service
                java -jar authrag.jar

                # done
                ```

                After the code.
                """, BASE);

        assertThat(document.sections()).hasSize(1);
        assertThat(document.sections().get(0).text()).contains("# start the service", "java -jar authrag.jar", "After the code.");
    }

    @Test
    void mdxModulesTagsAndComments_areRemoved_keepingTheTextBetweenTags() {
        Document document = Document.parse("docs/tabs.mdx", """
                ---
                title: Tabs
                ---
                import Tabs from '@theme/Tabs';
                import {
                  TabItem,
                } from '@theme/TabItem';
                export const meta = {
                  draft: false,
                };

                <!-- an editor's note
                over two lines -->
                {/* an MDX comment */}
                <Tabs>
                  <TabItem value="mvn" label="Maven">
                Use `List<String>` with **Maven**, see [the guide](./guide.md) and ![a diagram](img.png).
                  </TabItem>
                </Tabs>
                <Admonition type="tip" />
                """, BASE);

        String text = document.sections().get(0).text();
        assertThat(text).contains("Use `List<String>` with **Maven**, see the guide and a diagram.");
        assertThat(text).doesNotContain("import", "export", "Tabs", "TabItem", "editor", "MDX comment", "Admonition", "./guide.md");
    }

    @Test
    void prose_thatStartsWithImport_isKept() {
        Document document = Document.parse("a.md", "import the certificate before you start.\n", BASE);

        assertThat(document.sections().get(0).text()).isEqualTo("import the certificate before you start.");
    }

    @Test
    void chunks_ofALongSection_stayWithinTheSize_overlap_andLoseNoWord() {
        StringBuilder body = new StringBuilder("# Long\n\n");
        for (int paragraph = 0; paragraph < 30; paragraph++) {
            for (int sentence = 0; sentence < 8; sentence++) {
                body.append("Paragraph ").append(paragraph).append(" sentence ").append(sentence).append(" says something useful. ");
            }
            body.append("\n\n");
        }
        ChunkingPolicy policy = new ChunkingPolicy(new TokenBudget(100), new TokenBudget(20));

        List<Chunk> chunks = Document.parse("long.md", body.toString(), BASE).chunks(policy);

        assertThat(chunks.size()).isGreaterThan(10);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.text().length()).isLessThanOrEqualTo(400));
        assertThat(chunks).extracting(Chunk::ordinal).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, chunks.size()).boxed().toList());
        for (int i = 1; i < chunks.size(); i++) {
            String previous = chunks.get(i - 1).text();
            String firstWords = chunks.get(i).text().substring(0, 20);
            assertThat(previous).as("chunk %d starts with the end of chunk %d", i, i - 1).contains(firstWords);
        }
        String all = String.join(" ", chunks.stream().map(Chunk::text).toList());
        assertThat(all).contains("Paragraph 0 sentence 0", "Paragraph 29 sentence 7", "Paragraph 17 sentence 3");
    }

    @Test
    void aWordLongerThanAChunk_isCut() {
        ChunkingPolicy policy = new ChunkingPolicy(new TokenBudget(10), new TokenBudget(2));

        List<Chunk> chunks = Document.parse("x.md", "y".repeat(100), BASE).chunks(policy);

        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.text().length()).isLessThanOrEqualTo(40));
        assertThat(chunks.stream().mapToInt(chunk -> chunk.text().length()).sum()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void aShortDocument_isOneChunkPerSection_andEmptySectionsNone() {
        Document document = Document.parse("a.md", "# A\n\n## Empty\n\n## Full\n\nSome text.\n", BASE);

        assertThat(document.chunks(ChunkingPolicy.standard())).extracting(Chunk::title, Chunk::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A › Full", "Some text."));
    }

    @Test
    void theOverlap_mayBeAtMostHalfTheSize() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ChunkingPolicy(new TokenBudget(100), new TokenBudget(51)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
