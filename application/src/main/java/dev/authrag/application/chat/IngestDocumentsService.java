package dev.authrag.application.chat;

import dev.authrag.domain.chat.ChunkingPolicy;
import dev.authrag.domain.chat.Document;
import dev.authrag.domain.chat.DocumentUrl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Walks a folder for {@code .md}, {@code .mdx} and {@code .markdown} files (skipping hidden folders and
 * {@code node_modules}), parses and chunks each and stores it in the knowledge base, one document at a time: a
 * failure leaves every document either as it was or fully replaced.
 * <p>
 * Only what really lies inside the folder is read: a symbolic link (to a file or a folder) whose target resolves
 * outside the folder's real path is skipped and reported by the link's own path, never followed, so a link in a
 * documentation tree cannot publish the process's secrets. Links inside the folder are followed; each real file and
 * folder is read once, so a link back to a parent folder ends instead of looping. A file larger than the size cap is
 * skipped and reported too, and no file is read past the cap.
 */
public final class IngestDocumentsService implements IngestDocuments {

    /** Default of the size cap ({@code INGEST_MAX_FILE_SIZE}): 5 MiB. */
    public static final long DEFAULT_MAX_FILE_BYTES = 5L * 1024 * 1024;

    private final KnowledgeBase knowledgeBase;
    private final ChunkingPolicy chunking;
    private final Clock clock;
    private final long maxFileBytes;

    public IngestDocumentsService(KnowledgeBase knowledgeBase, ChunkingPolicy chunking, Clock clock) {
        this(knowledgeBase, chunking, clock, DEFAULT_MAX_FILE_BYTES);
    }

    /** @param maxFileBytes a larger file is skipped (and reported) rather than read */
    public IngestDocumentsService(KnowledgeBase knowledgeBase, ChunkingPolicy chunking, Clock clock, long maxFileBytes) {
        if (maxFileBytes < 1 || maxFileBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the file size cap must lie between 1 byte and 2 GiB");
        }
        this.knowledgeBase = knowledgeBase;
        this.chunking = chunking;
        this.clock = clock;
        this.maxFileBytes = maxFileBytes;
    }

    @Override
    public Summary ingest(Command command) {
        Instant start = clock.instant();
        String baseUrl = DocumentUrl.base(command.baseUrl());
        Path folder = command.folder().toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("not a folder: " + command.folder());
        }
        Walk walk = new Walk(realPath(folder), command.progress());
        walk.folder(walk.root, Path.of(""));
        List<Found> files = walk.documents();
        int chunks = 0;
        int stored = 0;
        int skipped = walk.skipped;
        for (Found file : files) {
            String relative = file.relative();
            String text = read(file);
            if (text == null) {
                command.progress().skipped(relative, tooLarge());
                skipped++;
                continue;
            }
            Document document = Document.parse(relative, text, baseUrl);
            List<Document.Chunk> documentChunks = document.chunks(chunking);
            knowledgeBase.replace(document, documentChunks);
            chunks += documentChunks.size();
            stored++;
            command.progress().stored(relative, documentChunks.size(), stored, files.size(), Duration.between(start, clock.instant()));
        }
        return new Summary(stored, chunks, skipped, Duration.between(start, clock.instant()));
    }

    /** A document found by the walk: its path as the folder shows it, and the real file it is read from. */
    private record Found(String relative, Path real) {
    }

    /** A depth-first walk that never leaves the folder's real path and reads each real folder and file once. */
    private final class Walk {

        private final Path root;
        private final Progress progress;
        private final Set<Path> seen = new HashSet<>();
        private final List<Found> found = new ArrayList<>();
        private int skipped;

        Walk(Path root, Progress progress) {
            this.root = root;
            this.progress = progress;
            seen.add(root);
        }

        void folder(Path real, Path relative) {
            List<Path> entries = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(real)) {
                stream.forEach(entries::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + real, e);
            }
            entries.sort(Comparator.naturalOrder());
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".") || name.equals("node_modules")) {
                    continue;
                }
                Path shown = relative.resolve(name);
                Path target = entry;
                if (Files.isSymbolicLink(entry)) {
                    target = target(entry, shown);
                    if (target == null) {
                        continue;
                    }
                }
                if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    if (seen.add(target)) {
                        folder(target, shown);
                    }
                } else if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && isDocument(name) && seen.add(target)) {
                    String path = shown.toString().replace('\\', '/');
                    if (size(target) > maxFileBytes) {
                        skip(path, tooLarge());
                    } else {
                        found.add(new Found(path, target));
                    }
                }
            }
        }

        /** Where a link leads, or null (reported) when it leads outside the folder or nowhere. */
        private Path target(Path link, Path shown) {
            String path = shown.toString().replace('\\', '/');
            try {
                Path target = link.toRealPath();
                if (target.startsWith(root)) {
                    return target;
                }
                if (isDocument(path) || Files.isDirectory(link)) {
                    skip(path, "a link to outside the folder");
                }
            } catch (NoSuchFileException e) {
                if (isDocument(path)) {
                    skip(path, "a broken link");
                }
            } catch (IOException e) {
                skip(path, "a link that cannot be resolved");
            }
            return null;
        }

        private void skip(String path, String reason) {
            skipped++;
            progress.skipped(path, reason);
        }

        List<Found> documents() {
            found.sort(Comparator.comparing(Found::relative));
            return found;
        }
    }

    private String tooLarge() {
        return "larger than " + maxFileBytes + " bytes (INGEST_MAX_FILE_SIZE)";
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Path realPath(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + folder, e);
        }
    }

    private static boolean isDocument(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".mdx") || name.endsWith(".markdown");
    }

    /**
     * The file's text, or null when it is larger than the cap. It is opened by its real path without following a
     * link, so a link swapped in after the walk is not followed, and never read past the cap (a file that grows while
     * being read is caught too). Bytes that are not UTF-8 become replacement characters rather than stopping the
     * whole ingestion.
     */
    private String read(Found file) {
        try (InputStream in = Files.newInputStream(file.real(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) maxFileBytes + 1);
            if (bytes.length > maxFileBytes) {
                return null;
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.relative(), e);
        }
    }
}
