package dev.authrag.application.chat;

import dev.authrag.domain.chat.ChunkingPolicy;
import dev.authrag.domain.chat.Document;
import dev.authrag.domain.chat.DocumentUrl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Walks a folder for {@code .md}, {@code .mdx} and {@code .markdown} files (skipping hidden folders and
 * {@code node_modules}), parses and chunks each and stores it in the knowledge base, one document at a time: a
 * failure leaves every document either as it was or fully replaced.
 */
public final class IngestDocumentsService implements IngestDocuments {

    private final KnowledgeBase knowledgeBase;
    private final ChunkingPolicy chunking;
    private final Clock clock;

    public IngestDocumentsService(KnowledgeBase knowledgeBase, ChunkingPolicy chunking, Clock clock) {
        this.knowledgeBase = knowledgeBase;
        this.chunking = chunking;
        this.clock = clock;
    }

    @Override
    public Summary ingest(Command command) {
        Instant start = clock.instant();
        String baseUrl = DocumentUrl.base(command.baseUrl());
        Path folder = command.folder().toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("not a folder: " + command.folder());
        }
        List<Path> files = documentsIn(folder);
        int chunks = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String relative = folder.relativize(file).toString().replace('\\', '/');
            Document document = Document.parse(relative, read(file), baseUrl);
            List<Document.Chunk> documentChunks = document.chunks(chunking);
            knowledgeBase.replace(document, documentChunks);
            chunks += documentChunks.size();
            command.progress().stored(relative, documentChunks.size(), i + 1, files.size(), Duration.between(start, clock.instant()));
        }
        return new Summary(files.size(), chunks, Duration.between(start, clock.instant()));
    }

    private static List<Path> documentsIn(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> isDocument(path.getFileName().toString()))
                    .filter(path -> !isSkipped(folder.relativize(path)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static boolean isDocument(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".mdx") || name.endsWith(".markdown");
    }

    private static boolean isSkipped(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.equals("node_modules")) {
                return true;
            }
        }
        return false;
    }

    /** Bytes that are not UTF-8 become replacement characters rather than stopping the whole ingestion. */
    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
