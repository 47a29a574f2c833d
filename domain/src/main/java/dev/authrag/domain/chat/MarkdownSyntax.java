package dev.authrag.domain.chat;

/**
 * The line-level Markdown/MDX recognisers {@link Document} needs, written as single forward scans instead of
 * regular expressions: each runs in time linear in the line, so a crafted line (a hundred thousand {@code #},
 * spaces or {@code <!--}) cannot make ingestion backtrack for hours. The regular expressions they replace are quoted
 * on each method; the behaviour is the same.
 */
final class MarkdownSyntax {

    /** An ATX heading: its level (1..6) and its text without the closing {@code #}s. */
    record Heading(int level, String text) {
    }

    private MarkdownSyntax() {
    }

    /** {@code ^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$}, or null when the line is no heading. */
    static Heading heading(String line) {
        int i = indent(line);
        int hashes = 0;
        while (i + hashes < line.length() && line.charAt(i + hashes) == '#') {
            hashes++;
        }
        int start = i + hashes;
        if (hashes < 1 || hashes > 6 || start >= line.length() || !isSpace(line.charAt(start))) {
            return null;
        }
        while (start < line.length() && isSpace(line.charAt(start))) {
            start++;
        }
        int end = line.length();
        while (end > start && isSpace(line.charAt(end - 1))) {
            end--;
        }
        while (end > start && line.charAt(end - 1) == '#') {
            end--;
        }
        while (end > start && isSpace(line.charAt(end - 1))) {
            end--;
        }
        return new Heading(hashes, line.substring(start, end));
    }

    /** A heading's text without a trailing custom id, {@code \s*\{#[^}]*}\s*$}: {@code Setup {#setup}} is {@code Setup}. */
    static String withoutHeadingId(String text) {
        int end = text.length();
        while (end > 0 && isSpace(text.charAt(end - 1))) {
            end--;
        }
        if (end == 0 || text.charAt(end - 1) != '}') {
            return text;
        }
        // the leftmost "{#" after the last '}' before the closing one
        int open = text.indexOf("{#", text.lastIndexOf('}', end - 2) + 1);
        if (open < 0 || open + 2 > end - 1) {
            return text;
        }
        while (open > 0 && isSpace(text.charAt(open - 1))) {
            open--;
        }
        return text.substring(0, open);
    }

    /** The opening run of a code fence, {@code ^ {0,3}(`{3,}|~{3,}).*$}, or null when the line opens none. */
    static String fence(String line) {
        int i = indent(line);
        if (i >= line.length() || (line.charAt(i) != '`' && line.charAt(i) != '~')) {
            return null;
        }
        char mark = line.charAt(i);
        int end = i;
        while (end < line.length() && line.charAt(end) == mark) {
            end++;
        }
        return end - i >= 3 ? line.substring(i, end) : null;
    }

    /**
     * The opening line of an MDX module statement: {@code import X from 'y'}, {@code import 'y'}, {@code import {}
     * (its names continuing below), {@code export const ...}; as
     * {@code ^(import\s+([\w*{}\s,]+\s+from\s+)?['"][^'"]+['"];?\s*|import\s+\{[^}]*|export\s+(const|let|var|function|default|class|\{).*)$}.
     */
    static boolean isModuleLine(String line) {
        if (line.startsWith("export")) {
            int i = spaces(line, "export".length());
            if (i == "export".length()) {
                return false;
            }
            for (String keyword : new String[]{"const", "let", "var", "function", "default", "class", "{"}) {
                if (line.startsWith(keyword, i)) {
                    return true;
                }
            }
            return false;
        }
        if (!line.startsWith("import")) {
            return false;
        }
        int afterImport = "import".length();
        int i = spaces(line, afterImport);
        if (i == afterImport) {
            return false;
        }
        if (i < line.length() && line.charAt(i) == '{' && line.indexOf('}', i) < 0) {
            return true;
        }
        // import ... 'module';
        int end = line.length();
        while (end > 0 && isSpace(line.charAt(end - 1))) {
            end--;
        }
        if (end > 0 && line.charAt(end - 1) == ';') {
            end--;
        }
        if (end == 0 || !isQuote(line.charAt(end - 1))) {
            return false;
        }
        int open = end - 2;
        while (open >= afterImport && !isQuote(line.charAt(open))) {
            open--;
        }
        if (open < afterImport || open == end - 2) {
            return false;
        }
        if (open == i) {
            return true;
        }
        // "import" [names, spaces]+ "from" \s+ 'module', the names starting and ending with a space
        int fromEnd = open;
        while (fromEnd > afterImport && isSpace(line.charAt(fromEnd - 1))) {
            fromEnd--;
        }
        int from = fromEnd - "from".length();
        if (fromEnd == open || from < afterImport || !line.startsWith("from", from)) {
            return false;
        }
        if (from - afterImport < 3 || !isSpace(line.charAt(from - 1))) {
            return false;
        }
        for (int c = afterImport; c < from; c++) {
            char ch = line.charAt(c);
            if (!(isWord(ch) || isSpace(ch) || ch == '*' || ch == '{' || ch == '}' || ch == ',')) {
                return false;
            }
        }
        return true;
    }

    /** The line without its one-line comments, {@code <!--.*?-->} and {@code \{/\*.*?\*\/}}. */
    static String withoutOneLineComments(String line) {
        String[] opens = {"<!--", "{/*"};
        String[] closes = {"-->", "*/}"};
        int[] next = {line.indexOf(opens[0]), line.indexOf(opens[1])};
        StringBuilder out = new StringBuilder(line.length());
        int i = 0;
        while (true) {
            int kind = next[0] < 0 ? 1 : next[1] < 0 || next[0] <= next[1] ? 0 : 1;
            int start = next[kind];
            if (start < 0) {
                break;
            }
            int close = line.indexOf(closes[kind], start + opens[kind].length());
            if (close < 0) {
                next[kind] = -1; // no closer after this opener, so none after a later one either
                continue;
            }
            out.append(line, i, start);
            i = close + closes[kind].length();
            for (int k = 0; k < 2; k++) {
                if (next[k] >= 0 && next[k] < i) {
                    next[k] = line.indexOf(opens[k], i);
                }
            }
        }
        return out.append(line, i, line.length()).toString();
    }

    private static int indent(String line) {
        int i = 0;
        while (i < 3 && i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static int spaces(String line, int from) {
        int i = from;
        while (i < line.length() && isSpace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    /** {@code \s} of java.util.regex: {@code [ \t\n\x0B\f\r]}. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** {@code \w}: {@code [a-zA-Z_0-9]}. */
    private static boolean isWord(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static boolean isQuote(char c) {
        return c == '\'' || c == '"';
    }
}
