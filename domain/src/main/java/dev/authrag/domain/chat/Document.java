package dev.authrag.domain.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Markdown or MDX documentation page made ready for the knowledge base: its title, its URL on the site and its
 * text split into sections under their heading paths. MDX module lines ({@code import}/{@code export}), JSX and
 * HTML tags and comments are removed, keeping the text between tags; fenced code is kept verbatim, and a {@code #}
 * inside a fence is code, not a heading.
 *
 * @param path     the file's path below the ingested folder
 * @param sections the text under each heading path; the page's first level-1 heading is the title's, not part of a path
 */
public record Document(String path, String url, String title, List<Section> sections) {

    /*
     * Every pattern here scans a line in linear time: each repetition stops at a character that ends it (the next
     * bracket, parenthesis or angle bracket), so no two repetitions compete for the same characters and a crafted
     * line cannot make the matcher backtrack. Headings, fences, module lines and comments are recognised without
     * regular expressions (MarkdownSyntax).
     */
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][\\w.:-]*(\\s[^<>]*)?/?>");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\[\\]]*)]\\([^()\\[\\]]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\[\\]]+)]\\([^()\\[\\]]*\\)");
    private static final String PATH_SEPARATOR = " › ";

    /** A run of text under one heading path (empty for the text before the first heading). */
    public record Section(List<String> headings, String text) {

        public Section {
            headings = List.copyOf(headings);
            Objects.requireNonNull(text, "text");
        }
    }

    /** One piece of a document as the knowledge base stores it: about a chunk size of text under its heading path. */
    public record Chunk(int ordinal, String title, String text) {

        @Override
        public String toString() {
            return "Chunk[" + ordinal + ", " + text.length() + " chars]";
        }
    }

    public Document {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        sections = List.copyOf(sections);
    }

    /**
     * Reads a file's text. The front matter's {@code title} wins over the first level-1 heading, which wins over the
     * file name.
     */
    public static Document parse(String relativePath, String raw, String baseUrl) {
        FrontMatter frontMatter = FrontMatter.split(raw);
        List<Section> sections = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        String firstTopHeading = null;
        String fence = null;
        boolean inComment = false;
        int moduleDepth = 0;
        for (String line : frontMatter.body().split("\\R", -1)) {
            if (fence != null) {
                text.append(line).append('\n');
                if (line.strip().startsWith(fence) && line.strip().replace(fence.substring(0, 1), "").isEmpty()) {
                    fence = null;
                }
                continue;
            }
            String fenceStart = MarkdownSyntax.fence(line);
            if (fenceStart != null) {
                fence = fenceStart;
                text.append(line.strip()).append('\n');
                continue;
            }
            if (inComment) {
                int end = line.indexOf("-->");
                if (end < 0) {
                    continue;
                }
                inComment = false;
                line = line.substring(end + 3);
            }
            if (moduleDepth > 0 || MarkdownSyntax.isModuleLine(line)) {
                moduleDepth = Math.max(0, moduleDepth + braceBalance(line));
                continue;
            }
            line = MarkdownSyntax.withoutOneLineComments(line);
            int open = line.indexOf("<!--");
            if (open >= 0) {
                inComment = true;
                line = line.substring(0, open);
            }
            MarkdownSyntax.Heading heading = MarkdownSyntax.heading(line);
            if (heading != null) {
                flush(sections, headings, text);
                int level = heading.level();
                String name = inline(MarkdownSyntax.withoutHeadingId(heading.text()));
                while (!levels.isEmpty() && levels.get(levels.size() - 1) >= level) {
                    levels.remove(levels.size() - 1);
                    headings.remove(headings.size() - 1);
                }
                if (level == 1 && firstTopHeading == null) {
                    // the page's own heading: the document title stands for it (or is it)
                    firstTopHeading = name;
                    continue;
                }
                levels.add(level);
                headings.add(name);
                continue;
            }
            text.append(inline(line)).append('\n');
        }
        flush(sections, headings, text);
        String topHeading = firstTopHeading;
        String title = frontMatter.field("title")
                .or(() -> Optional.ofNullable(topHeading).filter(name -> !name.isBlank()))
                .orElseGet(() -> fileTitle(relativePath));
        return new Document(relativePath.replace('\\', '/'), DocumentUrl.of(baseUrl, relativePath, frontMatter.field("slug")),
                title, sections);
    }

    /**
     * The document cut into chunks of at most the policy's size (a single word longer than that is cut too), each
     * overlapping the one before it in the same section by about the policy's overlap, so that a sentence cut at a
     * boundary is still whole in one of the two. A chunk never spans two sections: its title is its heading path.
     */
    public List<Chunk> chunks(ChunkingPolicy policy) {
        List<Chunk> chunks = new ArrayList<>();
        for (Section section : sections) {
            String chunkTitle = titleOf(section);
            for (String piece : policy.split(section.text())) {
                chunks.add(new Chunk(chunks.size(), chunkTitle, piece));
            }
        }
        return chunks;
    }

    /** The section's heading path under the document title. */
    private String titleOf(Section section) {
        List<String> path = new ArrayList<>();
        path.add(title);
        path.addAll(section.headings());
        return String.join(PATH_SEPARATOR, path);
    }

    private static void flush(List<Section> sections, List<String> headings, StringBuilder text) {
        String body = text.toString().replaceAll("\\n{3,}", "\n\n").strip();
        if (!body.isEmpty()) {
            sections.add(new Section(headings, body));
        }
        text.setLength(0);
    }

    /** Tags, links and images reduced to their text, outside inline code spans (where {@code List<String>} is code). */
    private static String inline(String line) {
        String[] parts = line.split("`", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.append('`');
            }
            boolean code = i % 2 == 1 && i < parts.length - 1;
            if (code) {
                out.append(parts[i]);
            } else {
                String text = IMAGE.matcher(parts[i]).replaceAll("$1");
                text = LINK.matcher(text).replaceAll("$1");
                out.append(TAG.matcher(text).replaceAll(""));
            }
        }
        return out.toString().stripTrailing();
    }

    private static int braceBalance(String line) {
        int balance = 0;
        for (char c : line.toCharArray()) {
            balance += c == '{' || c == '(' || c == '[' ? 1 : c == '}' || c == ')' || c == ']' ? -1 : 0;
        }
        return balance;
    }

    private static String fileTitle(String relativePath) {
        String normalised = relativePath.replace('\\', '/');
        String file = normalised.substring(normalised.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        String name = (dot > 0 ? file.substring(0, dot) : file).replace('-', ' ').replace('_', ' ').strip();
        return name.isEmpty() ? normalised : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    @Override
    public String toString() {
        return "Document[" + path + " -> " + url + ", " + sections.size() + " sections]";
    }
}
