package dev.authrag.bootstrap.chat;

import dev.authrag.bootstrap.support.HttpTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest command reads only what lies inside the folder, and only files up to INGEST_MAX_FILE_SIZE: a link to a
 * file outside (the process's secrets, say) and an oversized file are skipped with a line naming them, and chat
 * cannot quote them.
 */
@MicronautTest(transactional = false)
class IngestBoundsJourneyTest extends HttpTestSupport {

    private static final String PASSWORD = "correct horse battery";
    private static final String BASE = "https://bounds.example.com";
    private static final String SECRET_WORD = "quetzalcoatl";

    private String token;
    private String console;

    @BeforeAll
    void ingestAndSignIn() throws IOException {
        Path outside = Files.createTempDirectory("outside-docs");
        Files.writeString(outside.resolve("secrets.md"), "# Secrets\n\nThe " + SECRET_WORD + " database password is hunter2.\n");
        Path folder = Files.createTempDirectory("bounded-docs");
        Files.writeString(folder.resolve("guide.md"), "# Guide\n\nThe ocelot guide: never write a database password into the docs.\n");
        Files.createSymbolicLink(folder.resolve("leak.md"), outside.resolve("secrets.md"));
        Files.createSymbolicLink(folder.resolve("shared"), outside);
        Files.writeString(folder.resolve("huge.md"), "# Huge\n\nThe " + SECRET_WORD + " appendix.\n" + "filler ".repeat(200_000));
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("authrag.chat.ingest-max-file-size", "1MiB");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = IngestCommand.run(new String[]{"ingest", folder.toString(), "--base-url", BASE}, properties,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        console = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(console).isZero();
        token = signedInToken(uniqueEmail(), PASSWORD);
    }

    @Test
    void theConsole_namesEachSkippedLinkAndFile_butNotTheirContents() {
        assertThat(console).contains("skipped leak.md: a link to outside the folder",
                        "skipped shared: a link to outside the folder",
                        "skipped huge.md: larger than 1048576 bytes (INGEST_MAX_FILE_SIZE)",
                        "Ingested 1 file, 1 chunk in ", "(3 skipped)")
                .doesNotContain(SECRET_WORD).doesNotContain("hunter2");
    }

    @Test
    void chat_cannotQuoteALinkedFileOutsideTheFolder_norAnOversizedOne() {
        HttpResponse<String> response = post("/api/chat/message",
                "{\"message\":\"What is the " + SECRET_WORD + " database password?\"}", "Authorization", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("hunter2").doesNotContain(SECRET_WORD + " database")
                .doesNotContain(SECRET_WORD + " appendix").doesNotContain("/leak").doesNotContain("/shared")
                .doesNotContain("/huge");
    }
}
