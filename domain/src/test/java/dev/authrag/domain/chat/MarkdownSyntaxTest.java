package dev.authrag.domain.chat;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The line recognisers scan in linear time, and they say what the regular expressions they replaced said. The
 * bound in the first test is against catastrophic backtracking (those expressions took minutes on such lines), not
 * a measure of speed.
 */
class MarkdownSyntaxTest {

    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,}).*$");
    private static final Pattern MODULE_LINE = Pattern.compile(
            "^(import\\s+([\\w*{}\\s,]+\\s+from\\s+)?['\"][^'\"]+['\"];?\\s*|import\\s+\\{[^}]*|export\\s+(const|let|var|function|default|class|\\{).*)$");
    private static final Pattern ONE_LINE_COMMENT = Pattern.compile("<!--.*?-->|\\{/\\*.*?\\*/}");
    private static final Pattern HEADING_ID = Pattern.compile("\\s*\\{#[^}]*}\\s*$");

    @Test
    void pathologicalLines_areParsedWithoutBacktracking() {
        int n = 100_000;
        String[] lines = {
                "#" + " ".repeat(n) + "x",
                "# " + "# ".repeat(n / 2) + "x",
                "## a" + " ".repeat(n) + "{#" + " ".repeat(n) + "x}y",
                "## " + " {#".repeat(n / 3) + "}",
                "import" + " ".repeat(n) + "x",
                "import " + "a ".repeat(n / 2) + "from",
                "<!--".repeat(n / 4),
                "{/*".repeat(n / 3),
                "[".repeat(n),
                "![".repeat(n / 2),
                "[a](".repeat(n / 4),
                "[a]" + "(".repeat(n),
                "<a" + " ".repeat(n),
                "<a".repeat(n / 2)};
        String document = String.join("\n", lines);

        Document parsed = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Document.parse("evil.md", document,
                "https://docs.example.com"));

        assertThat(parsed.sections()).isNotEmpty();
    }

    @Test
    void theScanners_agreeWithTheRegularExpressionsTheyReplaced() {
        String[] tokens = {"#", "##", " ", "\t", "a", "B1", "{", "}", "{#", "'", "\"", ";", ",", "*", "import", "export",
                "from", "const", "default", "<!--", "-->", "{/*", "*/}", "`", "```", "~~~", "-", ">", "/", "x y"};
        Random random = new Random(42);
        for (int run = 0; run < 50_000; run++) {
            StringBuilder line = new StringBuilder();
            for (int t = random.nextInt(9); t > 0; t--) {
                line.append(tokens[random.nextInt(tokens.length)]);
            }
            String text = line.toString();

            Matcher heading = HEADING.matcher(text);
            MarkdownSyntax.Heading scanned = MarkdownSyntax.heading(text);
            assertThat(scanned == null ? null : scanned.level() + "|" + scanned.text()).as("heading of [%s]", text)
                    .isEqualTo(heading.matches() ? heading.group(1).length() + "|" + heading.group(2) : null);
            Matcher fence = FENCE.matcher(text);
            assertThat(MarkdownSyntax.fence(text)).as("fence of [%s]", text).isEqualTo(fence.matches() ? fence.group(1) : null);
            assertThat(MarkdownSyntax.isModuleLine(text)).as("module line [%s]", text).isEqualTo(MODULE_LINE.matcher(text).matches());
            assertThat(MarkdownSyntax.withoutOneLineComments(text)).as("comments of [%s]", text)
                    .isEqualTo(ONE_LINE_COMMENT.matcher(text).replaceAll(""));
            assertThat(MarkdownSyntax.withoutHeadingId(text)).as("heading id of [%s]", text)
                    .isEqualTo(HEADING_ID.matcher(text).replaceAll(""));
        }
    }
}
