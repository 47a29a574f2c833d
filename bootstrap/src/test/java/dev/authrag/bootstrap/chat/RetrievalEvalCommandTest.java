package dev.authrag.bootstrap.chat;

import dev.authrag.adapter.persistence.testing.TestDatabase;
import dev.authrag.bootstrap.Application;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code retrieval-eval}: a tiny corpus with known ranks, through the real ingestion and knowledge base on PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetrievalEvalCommandTest {

    private static final String SECRET = "test-secret-" + "y".repeat(40);

    private final TestDatabase database = TestDatabase.create("retrieval_eval");
    private Path corpus;
    private Path questions;

    @BeforeAll
    void corpus() throws IOException {
        corpus = Files.createTempDirectory("eval-docs");
        write("a.md", "# Kestrel setup\n\nInstall the kestrel agent with the package manager.\n");
        write("guide/b.md", "---\nslug: /ports\n---\n# Ports\n\nThe agent listens on port 7860 for heron traffic.\n");
        write("c.md", "# Logs\n\nRotation of log files happens nightly.\n");
        // ranks 1, 1, 2 (a.md holds both words, b.md one) and 0 (labelled with a page that does not hold the words)
        questions = Files.writeString(corpus.getParent().resolve(corpus.getFileName() + ".questions"), """
                # kind | question | pages
                heading    | kestrel setup | a.md
                paraphrase | which port does heron traffic use? | guide/b.md
                paraphrase | kestrel agent | guide/b.md, c.md
                paraphrase | nightly rotation | a.md
                """);
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @Test
    void theTable_givesHitsMrrAndChunks_perKind() {
        Output run = run("retrieval-eval", "--corpus", corpus.toString(), "--questions", questions.toString(), "--name", "tiny",
                "--repeat", "2", "--verbose");

        assertThat(run.code).as(run.err).isZero();
        List<String> lines = run.out.lines().toList();
        assertThat(lines.get(0)).isEqualTo("| method | corpus | questions | hit@1 | hit@5 | MRR | p50 ms | p95 ms | chunks | ingest s |");
        assertThat(lines.get(2)).matches("\\| [^|]+ \\| tiny \\| 4 \\| 50\\.0% \\| 75\\.0% \\| 0\\.625 \\| [0-9.]+ \\| [0-9.]+ \\| 3 \\| [0-9.]+ \\|");
        assertThat(lines.get(3)).contains("| tiny (heading) | 1 | 100.0% | 100.0% | 1.000 |");
        assertThat(lines.get(4)).contains("| tiny (paraphrase) | 3 | 33.3% | 66.7% | 0.500 |");
        assertThat(run.err).contains("line 4 (paraphrase): rank 2 for \"kestrel agent\"", "line 5 (paraphrase): rank - for \"nightly rotation\"");
    }

    @Test
    void copies_multiplyTheChunks_andAPassageOfAnyCopyOfARightPageCounts() {
        Output run = run("retrieval-eval", "--corpus=" + corpus, "--questions=" + questions, "--name=tiny", "--copies=3",
                "--repeat=1", "--top-k=10");

        assertThat(run.code).as(run.err).isZero();
        assertThat(run.out.lines().toList().get(2)).contains("| tiny | 4 | 50.0% | 75.0% |").contains("| 9 |");
    }

    @Test
    void wrongUsage_explainsItself_withExitCode64() throws IOException {
        Path unknownPage = Files.writeString(corpus.getParent().resolve(corpus.getFileName() + ".bad"), "heading | q | missing.md\n");

        assertThat(run("retrieval-eval", "--corpus", corpus.toString()).err).contains("--corpus and --questions are required");
        Output missing = run("retrieval-eval", "--corpus", corpus.toString(), "--questions", unknownPage.toString());
        assertThat(missing.code).isEqualTo(64);
        assertThat(missing.err).contains("line 1: no page missing.md");
        Path outside = Files.writeString(corpus.getParent().resolve(corpus.getFileName() + ".outside"), "heading | q | ../a.md\n");
        Output escape = run("retrieval-eval", "--corpus", corpus.resolve("guide").toString(), "--questions", outside.toString());
        assertThat(escape.code).isEqualTo(64);
        assertThat(escape.err).contains("line 1: no page ../a.md");
        assertThat(run("retrieval-eval", "--corpus", corpus.toString(), "--questions", questions.toString(), "--top-k", "51").code)
                .isEqualTo(64);
        assertThat(run("retrieval-eval", "--corpus", corpus.toString(), "--questions", questions.toString(), "--fast").code)
                .isEqualTo(64);
    }

    @Test
    void help_exits0_withoutADatabase() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Application.class.getName(), "retrieval-eval", "--help")
                .redirectErrorStream(true);
        builder.environment().put("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/nothing"); // nothing listens on port 1
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("usage: java -jar authrag.jar retrieval-eval --corpus");
    }

    private Output run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("authrag.token.auth-secret", SECRET);
        int code = RetrievalEvalCommand.run(args, properties, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Output(int code, String out, String err) {
    }

    private void write(String path, String text) throws IOException {
        Path file = corpus.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
