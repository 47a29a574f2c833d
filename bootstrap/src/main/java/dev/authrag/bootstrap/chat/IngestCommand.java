package dev.authrag.bootstrap.chat;

import dev.authrag.application.chat.IngestDocuments;
import io.micronaut.context.ApplicationContext;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * {@code java -jar authrag.jar ingest <folder> --base-url <site url>}: reads Markdown/MDX documentation into the
 * knowledge base of the same database the service uses, showing progress, and exits. It starts an application
 * context without the HTTP server (nothing listens), so it can run beside a live instance. Its console output is the
 * command's user interface, not logging.
 */
public final class IngestCommand {

    public static final String NAME = "ingest";
    public static final String USAGE = "usage: java -jar authrag.jar ingest <folder of .md/.mdx files> --base-url <documentation site URL>";
    /** sysexits.h: wrong usage, and a failure of the work itself. */
    static final int EXIT_USAGE = 64;
    static final int EXIT_FAILED = 1;

    private IngestCommand() {
    }

    public static boolean isRequested(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /** {@code ingest --help} (or {@code -h}): the usage on standard output and exit 0, before any database is needed. */
    public static boolean isHelpRequested(String[] args) {
        if (!isRequested(args)) {
            return false;
        }
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param properties the datasource settings from DatabaseStartup, as for the server
     * @return the process exit code
     */
    public static int run(String[] args, Map<String, Object> properties, PrintStream out, PrintStream err) {
        String folder = null;
        String baseUrl = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--base-url") && i + 1 < args.length) {
                baseUrl = args[++i];
            } else if (arg.startsWith("--base-url=")) {
                baseUrl = arg.substring("--base-url=".length());
            } else if (!arg.startsWith("--") && folder == null) {
                folder = arg;
            } else {
                err.println("unexpected argument: " + arg);
                err.println(USAGE);
                return EXIT_USAGE;
            }
        }
        if (folder == null || baseUrl == null) {
            err.println(USAGE);
            return EXIT_USAGE;
        }
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            IngestDocuments ingest = context.getBean(IngestDocuments.class);
            out.println("Ingesting " + Path.of(folder).toAbsolutePath().normalize() + " as " + baseUrl);
            IngestDocuments.Summary summary = ingest.ingest(new IngestDocuments.Command(Path.of(folder), baseUrl,
                    new Console(out, err)));
            out.printf(Locale.ROOT, "Ingested %d file%s, %d chunk%s in %s%s%n", summary.files(), summary.files() == 1 ? "" : "s",
                    summary.chunks(), summary.chunks() == 1 ? "" : "s", seconds(summary.elapsed()),
                    summary.skipped() == 0 ? "" : " (" + summary.skipped() + " skipped)");
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("ingest: " + e.getMessage());
            err.println(USAGE);
            return EXIT_USAGE;
        } catch (RuntimeException e) {
            err.println("ingest failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return EXIT_FAILED;
        }
    }

    /** Progress on stdout; a skipped link or file on stderr, named by its path in the folder (never its contents). */
    private record Console(PrintStream out, PrintStream err) implements IngestDocuments.Progress {

        @Override
        public void stored(String path, int chunks, int done, int total, Duration elapsed) {
            out.printf(Locale.ROOT, "[%d/%d] %s: %d chunk%s (%s)%n", done, total, path, chunks, chunks == 1 ? "" : "s",
                    seconds(elapsed));
        }

        @Override
        public void skipped(String path, String reason) {
            err.println("skipped " + path + ": " + reason);
        }
    }

    private static String seconds(Duration elapsed) {
        return String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
    }
}
