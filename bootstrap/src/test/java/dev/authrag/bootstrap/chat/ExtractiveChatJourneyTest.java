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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chat out of the box: no language model configured. Documentation ingested with the ingest command into the
 * service's database is retrieved by a question and quoted back, cited.
 */
@MicronautTest(transactional = false)
class ExtractiveChatJourneyTest extends HttpTestSupport {

    private static final String PASSWORD = "correct horse battery";
    private static final String BASE = "https://docs.example.com";

    private String token;

    @BeforeAll
    void ingestAndSignIn() throws IOException {
        Path folder = Files.createTempDirectory("extractive-docs");
        Files.createDirectories(folder.resolve("guide"));
        Files.writeString(folder.resolve("guide/sessions.md"), """
                # Sessions

                ## Expiry

                A session expires after seven days without use, and after thirty days in any case.

                ## Revocation

                Signing out revokes the session at once on every instance.
                """);
        Files.writeString(folder.resolve("guide/deploy.md"), """
                # Deployment

                Build the Docker image and give it DATABASE_URL and AUTH_SECRET.
                """);
        Map<String, Object> properties = new HashMap<>(getProperties());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = IngestCommand.run(new String[]{"ingest", folder.toString(), "--base-url", BASE}, properties,
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        token = signedInToken(uniqueEmail(), PASSWORD);
    }

    @Test
    void aQuestion_retrievesTheRightChunk_andQuotesItWithItsSource() {
        HttpResponse<String> response = post("/api/chat/message", "{\"message\":\"When does a session expire?\"}",
                "Authorization", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> body = body(response);
        String answer = (String) body.get("response");
        assertThat(answer).startsWith("The most relevant passage")
                .contains("[1] Sessions › Expiry (" + BASE + "/guide/sessions)\n> A session expires after seven days without use")
                .endsWith("No language model is configured, so this answer quotes the documentation instead of writing one.");
        assertThat(((List<?>) body.get("sources")).get(0)).isEqualTo(BASE + "/guide/sessions");
        assertThat(body.get("sources")).isEqualTo(List.of(BASE + "/guide/sessions"));
    }

    @Test
    void aQuestionTheDocumentationCannotAnswer_saysSo() {
        Map<String, Object> body = body(post("/api/chat/message", "{\"message\":\"Which llamas are purple?\"}",
                "Authorization", "Bearer " + token));

        assertThat((String) body.get("response")).startsWith("I found nothing in the documentation about that.");
        assertThat(body.get("sources")).isEqualTo(List.of());
    }

    @Test
    void withoutAModel_answeringIsAlwaysAvailable() {
        assertThat(body(get("/api/chat/status"))).containsEntry("status", "available");
    }
}
