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
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ingest <folder> --base-url <url>}: in process, and as the real main in a JVM of its own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestCommandTest {

    private static final String SECRET = "test-secret-" + "y".repeat(40);

    private final TestDatabase database = TestDatabase.create("ingest");
    private Path folder;

    @BeforeAll
    void corpus() throws IOException {
        folder = Files.createTempDirectory("ingest-docs");
        write("index.md", "# Welcome\n\nThe documentation of the kestrel service.\n");
        write("guide/setup.md", "---\ntitle: Setting up\n---\n# Setup\n\nInstall the kestrel agent.\n\n## Ports\n\nIt listens on 7860.\n");
        write("guide/tabs.mdx", "import Tabs from '@theme/Tabs';\n\n# Tabs\n\n<Tabs>Kestrel in tabs.</Tabs>\n");
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @Test
    void ingest_storesEveryFileWithProgress_andAgainReplacesInsteadOfDuplicating() throws Exception {
        Output first = run("ingest", folder.toString(), "--base-url", "https://docs.example.com");

        assertThat(first.code).as(first.err).isZero();
        assertThat(first.out).contains("[1/3] guide/setup.md: 2 chunks (", "[3/3] index.md: 1 chunk (", "Ingested 3 files, 4 chunks in ");
        assertThat(rows("https://docs.example.com")).containsExactlyInAnyOrder(
                "https://docs.example.com|Welcome",
                "https://docs.example.com/guide/setup|Setting up",
                "https://docs.example.com/guide/setup|Setting up › Ports",
                "https://docs.example.com/guide/tabs|Tabs");

        write("guide/setup.md", "# Setup\n\nInstall the kestrel agent, version two.\n");
        Output second = run("ingest", folder.toString(), "--base-url=https://docs.example.com/");

        assertThat(second.code).as(second.err).isZero();
        assertThat(rows("https://docs.example.com")).containsExactlyInAnyOrder(
                "https://docs.example.com|Welcome",
                "https://docs.example.com/guide/setup|Setup",
                "https://docs.example.com/guide/tabs|Tabs");
        assertThat(content("https://docs.example.com/guide/setup")).isEqualTo("Install the kestrel agent, version two.");
        assertThat(content("https://docs.example.com/guide/tabs")).isEqualTo("Kestrel in tabs.");
    }

    @Test
    void wrongUsage_explainsItself_withExitCode64() {
        assertThat(run("ingest", folder.toString()).code).isEqualTo(64);
        assertThat(run("ingest", "--base-url", "https://docs.example.com").err).contains("usage: java -jar authrag.jar ingest");
        assertThat(run("ingest", folder.resolve("missing").toString(), "--base-url", "https://d.example").err).contains("not a folder");
        assertThat(run("ingest", folder.toString(), "--base-url", "docs.example.com").code).isEqualTo(64);
        assertThat(run("ingest", folder.toString(), "--base-url", "https://d.example", "--verbose").code).isEqualTo(64);
    }

    @Test
    void theJarsMain_ingestsAndExits0_withoutStartingTheHttpServer() throws Exception {
        try (ServerSocket occupied = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // the server would have to bind PORT: holding it makes a started server fail the run
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Duser.timezone=UTC", "-cp", System.getProperty("java.class.path"), Application.class.getName(),
                    "ingest", folder.toString(), "--base-url", "https://main.example.com"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("DATABASE_URL", database.url());
            builder.environment().put("AUTH_SECRET", SECRET);
            builder.environment().put("PORT", String.valueOf(occupied.getLocalPort()));
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("Ingested 3 files").doesNotContain("Startup completed");
        }
        assertThat(rows("https://main.example.com")).contains("https://main.example.com/guide/tabs|Tabs");
    }

    private Output run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("authrag.token.auth-secret", SECRET);
        int code = IngestCommand.run(args, properties, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Output(int code, String out, String err) {
    }

    private List<String> rows(String base) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT d.url, c.title FROM knowledge_chunks c "
                     + "JOIN knowledge_documents d ON d.id = c.document_id WHERE d.url LIKE '" + base + "%' ORDER BY d.url, c.ordinal")) {
            while (result.next()) {
                rows.add(result.getString(1) + "|" + result.getString(2));
            }
        }
        return rows;
    }

    private String content(String url) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT string_agg(c.content, ' | ') FROM knowledge_chunks c "
                     + "JOIN knowledge_documents d ON d.id = c.document_id WHERE d.url = '" + url + "'")) {
            result.next();
            return result.getString(1);
        }
    }

    private void write(String path, String text) throws IOException {
        Path file = folder.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
