package dev.authrag.domain.chat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrontMatterTest {

    @Test
    void theBlock_isReadAsKeysAndValues_andTheBodyIsWhatFollows() {
        FrontMatter frontMatter = FrontMatter.split("""
                ---
                title: "Getting: started"
                Slug: /start
                sidebar_position: 2
                tags:
                  - intro
                description: 'It''s quick' # a comment
                ---
                # Heading
                Body text.""");

        assertThat(frontMatter.field("title")).hasValue("Getting: started");
        assertThat(frontMatter.field("slug")).hasValue("/start");
        assertThat(frontMatter.field("description")).hasValue("It's quick");
        assertThat(frontMatter.field("tags")).isEmpty();
        assertThat(frontMatter.body()).isEqualTo("# Heading\nBody text.");
    }

    @Test
    void aFileWithoutTheBlock_isAllBody() {
        FrontMatter frontMatter = FrontMatter.split("# Title\n\ntext");

        assertThat(frontMatter.fields()).isEmpty();
        assertThat(frontMatter.body()).isEqualTo("# Title\n\ntext");
    }

    @Test
    void anOpeningLineWithoutAClosingOne_isNotFrontMatter() {
        FrontMatter frontMatter = FrontMatter.split("---\ntitle: x\nno end");

        assertThat(frontMatter.fields()).isEmpty();
        assertThat(frontMatter.body()).contains("title: x");
    }

    @Test
    void aByteOrderMarkAndWindowsLineEnds_areTolerated() {
        FrontMatter frontMatter = FrontMatter.split("\uFEFF---\r\ntitle: Windows\r\n---\r\nbody");

        assertThat(frontMatter.field("title")).hasValue("Windows");
        assertThat(frontMatter.body()).isEqualTo("body");
    }
}
