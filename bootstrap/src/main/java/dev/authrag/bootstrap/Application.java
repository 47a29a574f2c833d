package dev.authrag.bootstrap;

import dev.authrag.bootstrap.settings.Setting;

import dev.authrag.bootstrap.chat.IngestCommand;
import dev.authrag.bootstrap.chat.RetrievalEvalCommand;
import dev.authrag.bootstrap.database.DatabaseStartup;
import dev.authrag.bootstrap.database.DatabaseUrl;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the service: the database first (one clear line if it cannot be reached), then the HTTP server; or, with
 * {@code ingest <folder> --base-url <url>}, reads documentation into the knowledge base and exits without serving; or,
 * with {@code retrieval-eval ...}, runs the retrieval benchmark (bench/retrieval/) and exits.
 */
public final class Application {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private Application() {
    }

    public static void main(String[] args) {
        try {
            LogFormat.check(System.getenv(LogFormat.VARIABLE));
            LogLevel.check(System.getenv(LogLevel.VARIABLE));
        } catch (Setting.InvalidSettingException e) {
            // logging itself is what is misconfigured, so say it on stderr
            System.err.println("Start-up stopped: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (RetrievalEvalCommand.isHelp(args)) {
            System.exit(RetrievalEvalCommand.help(System.out));
            return;
        }
        if (IngestCommand.isHelpRequested(args)) {
            System.out.println(IngestCommand.USAGE);
            System.exit(0);
            return;
        }
        DatabaseStartup database;
        try {
            database = DatabaseStartup.fromEnvironment(System.getenv());
            database.prepare();
        } catch (DatabaseUrl.InvalidDatabaseUrlException | DatabaseStartup.DatabaseUnavailableException e) {
            LOG.error("Start-up stopped: {}", e.getMessage());
            System.exit(2);
            return;
        }
        if (IngestCommand.isRequested(args)) {
            System.exit(IngestCommand.run(args, database.micronautProperties(), System.out, System.err));
            return;
        }
        if (RetrievalEvalCommand.isRequested(args)) {
            System.exit(RetrievalEvalCommand.run(args, database.micronautProperties(), System.out, System.err));
            return;
        }
        ApplicationContext context = Micronaut.build(args)
                .mainClass(Application.class)
                .properties(database.micronautProperties())
                .start();
        database.stopEmbeddedAfter(context::isRunning);
    }
}
