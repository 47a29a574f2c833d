package dev.authrag.domain.chat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a documentation site serves a source file: the base URL plus the file's path without its extension, the way
 * Docusaurus and most static site generators do it. {@code docs/intro/setup.md} is {@code <base>/docs/intro/setup};
 * an {@code index} (or {@code README}) file is its folder's page; a front-matter {@code slug} replaces the file name
 * (or, starting with {@code /}, the whole path).
 */
public final class DocumentUrl {

    private DocumentUrl() {
    }

    /** Rejects anything but an absolute http(s) URL with a host; returns it without a trailing slash. */
    public static String base(String baseUrl) {
        try {
            URI uri = new URI(baseUrl == null ? "" : baseUrl.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("the base URL must be an http(s) URL such as https://docs.example.com; got '"
                        + baseUrl + "'");
            }
            String text = uri.toString();
            while (text.endsWith("/")) {
                text = text.substring(0, text.length() - 1);
            }
            return text;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the base URL is not a valid URL: '" + baseUrl + "'");
        }
    }

    /**
     * @param relativePath the file's path below the ingested folder, with / or \ separators
     * @param slug         the front matter's {@code slug}, if any
     */
    public static String of(String baseUrl, String relativePath, Optional<String> slug) {
        List<String> segments = new ArrayList<>();
        for (String segment : relativePath.replace('\\', '/').split("/")) {
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a document needs a file name");
        }
        String file = withoutExtension(segments.remove(segments.size() - 1));
        if (slug.isPresent()) {
            String value = slug.get().strip();
            if (value.startsWith("/")) {
                segments.clear();
            }
            for (String part : value.split("/")) {
                if (!part.isEmpty()) {
                    segments.add(part);
                }
            }
        } else if (!file.equalsIgnoreCase("index") && !file.equalsIgnoreCase("readme")) {
            segments.add(file);
        }
        String path = "/" + String.join("/", segments);
        try {
            String encoded = new URI(null, null, path, null).toASCIIString();
            return base(baseUrl) + (encoded.equals("/") ? "" : encoded);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot form a URL from the path " + relativePath);
        }
    }

    private static String withoutExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
