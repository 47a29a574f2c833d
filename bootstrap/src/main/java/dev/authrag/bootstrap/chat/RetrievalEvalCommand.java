package dev.authrag.bootstrap.chat;

import dev.authrag.application.chat.IngestDocuments;
import dev.authrag.application.chat.KnowledgeBase;
import dev.authrag.domain.chat.Document;
import dev.authrag.domain.chat.Passage;
import dev.authrag.domain.chat.RetrievalPolicy;
import io.micronaut.context.ApplicationContext;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar authrag.jar retrieval-eval --corpus <folder> --questions <file>}: the retrieval benchmark
 * (bench/retrieval/). It ingests the corpus into the configured database through the same use case as
 * {@code ingest}, asks every labelled question through the same {@link KnowledgeBase} the chat uses, and prints one
 * Markdown table row for all the questions and one for each kind: hit@1, hit@k, MRR, p50/p95 search latency, chunks and
 * ingest time. It writes into the knowledge base: point it at a database of its own (bench/retrieval/run.sh makes one).
 * Its console output is the command's user interface, not logging.
 */
public final class RetrievalEvalCommand {

    public static final String NAME = "retrieval-eval";
    static final String USAGE = """
            usage: java -jar authrag.jar retrieval-eval --corpus <folder of .md/.mdx> --questions <file> [options]
              --corpus <folder>    the documentation to ingest (into the configured database: use one of its own)
              --questions <file>   lines 'kind | question | page, page' (kind heading or paraphrase, pages by path in the corpus)
              --name <name>        the corpus's name in the table (default: the folder's name)
              --base-url <url>     where the pages are served (default https://bench.example.com)
              --copies <n>         ingest the corpus n times under <base-url>/copy-<i> too, to measure search at scale
                                   (a passage of any copy of a right page counts as right; default 1)
              --top-k <k>          passages asked for, 1..50 (default 5): hit@k and MRR@k
              --repeat <n>         timed rounds over all the questions after one warm-up round (default 3)
              --verbose            list each question that misses its page in the first place, with what came first
              --help               this text""";
    static final int EXIT_USAGE = 64;
    static final int EXIT_FAILED = 1;
    static final String HEADER = "| method | corpus | questions | hit@1 | hit@k | MRR | p50 ms | p95 ms | chunks | ingest s |";

    private RetrievalEvalCommand() {
    }

    public static boolean isRequested(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /** {@code --help}: answered before the database is touched. */
    public static boolean isHelp(String[] args) {
        return isRequested(args) && List.of(args).contains("--help");
    }

    public static int help(PrintStream out) {
        out.println(USAGE);
        return 0;
    }

    private record Options(Path corpus, Path questions, String name, String baseUrl, int copies, int topK, int repeat,
                           boolean verbose) {
    }

    /**
     * @param properties the datasource settings from DatabaseStartup, as for the server
     * @return the process exit code
     */
    public static int run(String[] args, Map<String, Object> properties, PrintStream out, PrintStream err) {
        if (isHelp(args)) {
            return help(out);
        }
        Options options;
        RetrievalQuestions questions;
        try {
            options = options(args);
            questions = RetrievalQuestions.parse(Files.readString(options.questions()));
        } catch (IllegalArgumentException | IOException e) {
            err.println("retrieval-eval: " + e.getMessage());
            err.println(USAGE);
            return EXIT_USAGE;
        }
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            return evaluate(context, options, questions, out, err);
        } catch (IllegalArgumentException e) {
            err.println("retrieval-eval: " + e.getMessage());
            return EXIT_USAGE;
        } catch (RuntimeException e) {
            err.println("retrieval-eval failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return EXIT_FAILED;
        }
    }

    private static int evaluate(ApplicationContext context, Options options, RetrievalQuestions questions, PrintStream out,
                                PrintStream err) {
        List<String> bases = new ArrayList<>();
        for (int copy = 0; copy < options.copies(); copy++) {
            bases.add(copy == 0 ? options.baseUrl() : options.baseUrl() + "/copy-" + copy);
        }
        Map<String, Set<String>> urlsOfPage = urlsOfPages(options.corpus(), questions, bases);

        IngestDocuments ingest = context.getBean(IngestDocuments.class);
        long chunks = 0;
        Duration ingestTime = Duration.ZERO;
        for (String base : bases) {
            IngestDocuments.Summary summary = ingest.ingest(new IngestDocuments.Command(options.corpus(), base,
                    (path, count, done, total, elapsed) -> { }));
            chunks += summary.chunks();
            ingestTime = ingestTime.plus(summary.elapsed());
        }
        err.printf(Locale.ROOT, "ingested %s %d time%s: %d chunks in %.1f s%n", options.corpus(), bases.size(),
                bases.size() == 1 ? "" : "s", chunks, ingestTime.toMillis() / 1000.0);

        KnowledgeBase knowledgeBase = context.getBean(KnowledgeBase.class);
        RetrievalPolicy policy = new RetrievalPolicy(options.topK(), 0);
        for (RetrievalQuestions.Question question : questions.questions()) {
            knowledgeBase.search(question.text(), policy); // warm-up: class loading, JIT, the server's caches
        }
        Map<String, RetrievalScores> scores = new LinkedHashMap<>();
        scores.put("", new RetrievalScores());
        for (String kind : List.of("heading", "paraphrase")) {
            scores.put(kind, new RetrievalScores());
        }
        for (int round = 0; round < options.repeat(); round++) {
            for (RetrievalQuestions.Question question : questions.questions()) {
                long start = System.nanoTime();
                List<Passage> passages = knowledgeBase.search(question.text(), policy);
                Duration latency = Duration.ofNanos(System.nanoTime() - start);
                Set<String> right = new HashSet<>();
                question.pages().forEach(page -> right.addAll(urlsOfPage.get(page)));
                int rank = rank(passages, right);
                for (RetrievalScores score : List.of(scores.get(""), scores.get(question.kind()))) {
                    score.latency(latency);
                    if (round == 0) {
                        score.rank(rank);
                    }
                }
                if (round == 0 && options.verbose() && rank != 1) {
                    err.printf(Locale.ROOT, "%s line %d (%s): rank %s for \"%s\"; first: %s%n", options.name(), question.line(),
                            question.kind(), rank == 0 ? "-" : rank, question.text(),
                            passages.isEmpty() ? "nothing" : passages.get(0).url() + " (" + passages.get(0).title() + ")");
                }
            }
        }
        String method = String.valueOf(knowledgeBase); // each adapter names its ranking
        long totalChunks = chunks;
        double ingestSeconds = ingestTime.toMillis() / 1000.0;
        out.println(HEADER.replace("hit@k", "hit@" + options.topK()));
        out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        scores.forEach((kind, score) -> {
            if (score.questions() > 0) {
                out.printf(Locale.ROOT, "| %s | %s | %d | %.1f%% | %.1f%% | %.3f | %.1f | %.1f | %d | %.1f |%n", method,
                        kind.isEmpty() ? options.name() : options.name() + " (" + kind + ")", score.questions(),
                        100 * score.hitAt(1), 100 * score.hitAt(options.topK()), score.meanReciprocalRank(),
                        score.latencyMillis(50), score.latencyMillis(95), totalChunks, ingestSeconds);
            }
        });
        return 0;
    }

    /** 1-based rank of the first passage from a right page, 0 when there is none. */
    static int rank(List<Passage> passages, Set<String> rightUrls) {
        for (int i = 0; i < passages.size(); i++) {
            if (rightUrls.contains(passages.get(i).url())) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Each labelled page's URL under every copy's base URL, as the ingester derives it (front-matter slug included). */
    private static Map<String, Set<String>> urlsOfPages(Path corpus, RetrievalQuestions questions, List<String> bases) {
        Map<String, Set<String>> urls = new HashMap<>();
        for (RetrievalQuestions.Question question : questions.questions()) {
            for (String page : question.pages()) {
                if (urls.containsKey(page)) {
                    continue;
                }
                Path file = corpus.resolve(page).normalize();
                if (!file.startsWith(corpus.normalize()) || !Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("line " + question.line() + ": no page " + page + " in " + corpus);
                }
                String markdown;
                try {
                    markdown = Files.readString(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                Set<String> pageUrls = new HashSet<>();
                for (String base : bases) {
                    pageUrls.add(Document.parse(page, markdown, base).url());
                }
                urls.put(page, pageUrls);
            }
        }
        return urls;
    }

    private static Options options(String[] args) {
        Map<String, String> values = new HashMap<>();
        boolean verbose = false;
        Set<String> valued = Set.of("--corpus", "--questions", "--name", "--base-url", "--copies", "--top-k", "--repeat");
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String key = equals > 0 ? arg.substring(0, equals) : arg;
            if (arg.equals("--verbose")) {
                verbose = true;
            } else if (valued.contains(key) && equals > 0) {
                values.put(key, arg.substring(equals + 1));
            } else if (valued.contains(key) && i + 1 < args.length) {
                values.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
        }
        if (!values.containsKey("--corpus") || !values.containsKey("--questions")) {
            throw new IllegalArgumentException("--corpus and --questions are required");
        }
        Path corpus = Path.of(values.get("--corpus")).toAbsolutePath().normalize();
        if (!Files.isDirectory(corpus)) {
            throw new IllegalArgumentException("not a folder: " + corpus);
        }
        String name = values.getOrDefault("--name", corpus.getFileName() == null ? "corpus" : corpus.getFileName().toString());
        String baseUrl = values.getOrDefault("--base-url", "https://bench.example.com");
        int copies = number(values, "--copies", 1, 1, 1000);
        int topK = number(values, "--top-k", 5, 1, RetrievalPolicy.MAX_TOP_K);
        int repeat = number(values, "--repeat", 3, 1, 1000);
        return new Options(corpus, Path.of(values.get("--questions")), name, baseUrl, copies, topK, repeat, verbose);
    }

    private static int number(Map<String, String> values, String key, int fallback, int min, int max) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a whole number from " + min + " to " + max + "; got '" + value + "'");
    }
}
