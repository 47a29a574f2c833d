package dev.authrag.domain.chat;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The YAML-ish block a documentation file may open with ({@code ---} lines around {@code key: value} pairs). Only
 * flat scalar pairs are read (title, slug, description...); lists and nested maps are skipped, which is all a docs
 * site's page metadata needs here. The block is metadata, never indexed as text.
 *
 * @param fields lower-cased keys to unquoted values
 * @param body   the document after the block
 */
public record FrontMatter(Map<String, String> fields, String body) {

    public FrontMatter {
        fields = Map.copyOf(fields);
    }

    /** Splits a file's text into its front matter (empty when there is none) and the rest. */
    public static FrontMatter split(String raw) {
        String text = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        String[] lines = text.split("\\R", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            return new FrontMatter(Map.of(), text);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.strip().equals("---") || line.strip().equals("...")) {
                StringBuilder body = new StringBuilder();
                for (int j = i + 1; j < lines.length; j++) {
                    body.append(lines[j]).append(j + 1 < lines.length ? "\n" : "");
                }
                return new FrontMatter(fields, body.toString());
            }
            int colon = line.indexOf(':');
            if (colon > 0 && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#") && !line.startsWith("-")) {
                String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = unquote(line.substring(colon + 1).strip());
                if (!value.isEmpty()) {
                    fields.put(key, value);
                }
            }
        }
        // an opening line without a closing one is a thematic break, not front matter
        return new FrontMatter(Map.of(), text);
    }

    public Optional<String> field(String key) {
        return Optional.ofNullable(fields.get(key.toLowerCase(Locale.ROOT))).filter(value -> !value.isBlank());
    }

    private static String unquote(String value) {
        if (value.startsWith("\"") || value.startsWith("'")) {
            char quote = value.charAt(0);
            int close = value.lastIndexOf(quote);
            if (close > 0) {
                String inner = value.substring(1, close);
                return quote == '\'' ? inner.replace("''", "'") : inner.replace("\\\"", "\"");
            }
        }
        int comment = value.indexOf(" #");
        return comment >= 0 ? value.substring(0, comment).strip() : value;
    }
}
