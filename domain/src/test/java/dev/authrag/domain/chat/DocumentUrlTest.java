package dev.authrag.domain.chat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentUrlTest {

    private static final String BASE = "https://docs.example.com/";

    @ParameterizedTest
    @CsvSource({
            "docs/intro/setup.md,     https://docs.example.com/docs/intro/setup",
            "docs/intro/setup.mdx,    https://docs.example.com/docs/intro/setup",
            "docs/intro/index.md,     https://docs.example.com/docs/intro",
            "docs\\intro\\README.md,  https://docs.example.com/docs/intro",
            "index.mdx,               https://docs.example.com",
            "./guide/my page.md,      https://docs.example.com/guide/my%20page",
            "guide/café.md,           https://docs.example.com/guide/caf%C3%A9"
    })
    void theUrl_isTheBaseAndThePathWithoutItsExtension(String path, String url) {
        assertThat(DocumentUrl.of(BASE, path, Optional.empty())).isEqualTo(url);
    }

    @Test
    void aSlug_replacesTheFileName_orTheWholePathWhenAbsolute() {
        assertThat(DocumentUrl.of(BASE, "docs/intro/setup.md", Optional.of("install"))).isEqualTo("https://docs.example.com/docs/intro/install");
        assertThat(DocumentUrl.of(BASE, "docs/intro/setup.md", Optional.of("/start"))).isEqualTo("https://docs.example.com/start");
    }

    @Test
    void aBaseWithAPath_keepsIt() {
        assertThat(DocumentUrl.of("https://example.com/product/", "a/b.md", Optional.empty()))
                .isEqualTo("https://example.com/product/a/b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "docs.example.com", "ftp://docs.example.com", "https://", "https://x.com/?q=1"})
    void aBaseThatIsNotAnHttpUrl_isRefused(String base) {
        assertThatThrownBy(() -> DocumentUrl.base(base)).isInstanceOf(IllegalArgumentException.class);
    }
}
