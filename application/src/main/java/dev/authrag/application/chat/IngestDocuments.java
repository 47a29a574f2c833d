package dev.authrag.application.chat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/** Use case: read a folder of Markdown/MDX documentation into the knowledge base, replacing what each file had. */
public interface IngestDocuments {

    /** @throws IllegalArgumentException when the folder is not a readable directory or the base URL is not http(s) */
    Summary ingest(Command command);

    /**
     * @param baseUrl  the documentation site's URL; a document's URL is this plus its path without the extension
     * @param progress told after each file
     */
    record Command(Path folder, String baseUrl, Progress progress) {

        public Command {
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(baseUrl, "base url");
            Objects.requireNonNull(progress, "progress");
        }
    }

    /** Hears about each file as it is stored. */
    @FunctionalInterface
    interface Progress {

        /**
         * @param done    files stored so far, this one included
         * @param total   files found
         * @param elapsed since the ingestion began
         */
        void stored(String path, int chunks, int done, int total, Duration elapsed);

        /**
         * A file or folder left out: a symbolic link leading outside the folder (named by the link, its target never
         * read), or a file over the size cap.
         */
        default void skipped(String path, String reason) {
        }
    }

    /** @param skipped files and links left out, each reported to {@link Progress#skipped} */
    record Summary(int files, int chunks, int skipped, Duration elapsed) {
    }
}
