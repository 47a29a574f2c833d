package dev.authrag.bootstrap.chat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.authrag.application.chat.IngestDocuments;
import dev.authrag.bootstrap.support.FakeChatCompletions;
import dev.authrag.bootstrap.support.HttpTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chat over real HTTP with a real (fake) OpenAI-compatible model server: sign in, ask, follow up, list; the
 * conversation stays its owner's; the model's failures become 503 with the question kept.
 */
@MicronautTest(transactional = false)
class ChatJourneyTest extends HttpTestSupport {

    private static final String PASSWORD = "correct horse battery";
    private static final String BASE = "https://docs.example.com";
    private static final String API_KEY = "sk-journey-" + UUID.randomUUID();

    private final FakeChatCompletions model = FakeChatCompletions.start();

    @Inject
    IngestDocuments ingest;

    private String ada;
    private String adaAccessToken;
    private String bob;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "authrag.chat.llm-base-url", model.baseUrl(),
                "authrag.chat.llm-api-key", API_KEY,
                "authrag.chat.llm-model", "test-model",
                "authrag.chat.llm-timeout", "1s");
    }

    @BeforeAll
    void documentationAndUsers() throws IOException {
        Path folder = Files.createTempDirectory("chat-docs");
        Files.createDirectories(folder.resolve("docs"));
        Files.writeString(folder.resolve("docs/tokens.md"), """
                ---
                title: Access tokens
                ---
                # Tokens

                Access tokens expire after fifteen minutes; sign in again or ask for a new one.
                """);
        Files.writeString(folder.resolve("docs/database.mdx"), """
                import Tip from '@site/Tip';

                # Database

                <Tip>Set DATABASE_URL to your PostgreSQL server.</Tip>
                """);
        ingest.ingest(new IngestDocuments.Command(folder, BASE, (path, chunks, done, total, elapsed) -> { }));

        ada = uniqueEmail();
        register(ada, PASSWORD);
        Map<String, Object> signedIn = body(post("/api/auth/sign-in", credentials(ada, PASSWORD)));
        ada = (String) signedIn.get("session_token");
        adaAccessToken = (String) signedIn.get("access_token");
        bob = signedInToken(uniqueEmail(), PASSWORD);
    }

    @BeforeEach
    void modelAnswers() {
        model.reset();
    }

    @AfterAll
    void stopModel() {
        model.close();
    }

    @Test
    void signIn_ask_followUp_andList_withEveryKindOfCredential() throws IOException {
        model.reply("Access tokens expire after fifteen minutes [1].");
        HttpResponse<String> first = post("/api/chat/message", "{\"message\":\"When do access tokens expire?\"}",
                "Cookie", "session_token=" + ada);

        assertThat(first.statusCode()).isEqualTo(200);
        Map<String, Object> answer = body(first);
        assertThat(answer).containsKeys("user_message_id", "response_message_id", "conversation_id", "timestamp");
        assertThat(answer.get("response")).isEqualTo("Access tokens expire after fifteen minutes [1].");
        assertThat(answer.get("sources")).isEqualTo(List.of(BASE + "/docs/tokens"));
        assertThat((String) answer.get("timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(model.lastRequest().authorization()).isEqualTo("Bearer " + API_KEY);
        String conversation = (String) answer.get("conversation_id");

        model.reply("Set DATABASE_URL [1].");
        HttpResponse<String> followUp = post("/api/chat/message",
                "{\"message\":\"And where do I set the database?\",\"conversation_id\":\"" + conversation + "\"}",
                "Authorization", "Bearer " + ada);

        assertThat(followUp.statusCode()).isEqualTo(200);
        assertThat(body(followUp)).containsEntry("conversation_id", conversation)
                .containsEntry("sources", List.of(BASE + "/docs/database"));
        List<Map<String, String>> sent = OpenAiChatModelTest.messages(OpenAiChatModelTest.parse(model.lastRequest().body()));
        assertThat(sent).extracting(m -> m.get("role")).containsExactly("system", "user", "assistant", "user");
        assertThat(sent.get(1).get("content")).isEqualTo("When do access tokens expire?");
        assertThat(sent.get(2).get("content")).isEqualTo("Access tokens expire after fifteen minutes [1].");
        assertThat(sent.get(0).get("content")).contains("Set DATABASE_URL to your PostgreSQL server.").doesNotContain("<Tip>");

        HttpResponse<String> list = get("/api/chat/conversations", "Authorization", "Bearer " + adaAccessToken);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(conversation, "When do access tokens expire?");

        HttpResponse<String> messages = get("/api/chat/conversations/" + conversation + "/messages",
                "Authorization", "Bearer " + adaAccessToken);
        assertThat(messages.statusCode()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> turns = (List<Map<String, Object>>) body(messages).get("messages");
        assertThat(turns).extracting(turn -> turn.get("role")).containsExactly("user", "assistant", "user", "assistant");
        assertThat(turns.get(3).get("sources")).isEqualTo(List.of(BASE + "/docs/database"));
        assertThat(body(messages)).containsEntry("next_before", null);
    }

    @Test
    void anotherUser_canNeitherReadNorContinueNorDelete_andHisHistoryHoldsNoneOfIt() throws IOException {
        String conversation = ask(ada, "Ada's private question about tokens", null);
        int requestsBefore = model.requests().size();

        HttpResponse<String> read = get("/api/chat/conversations/" + conversation + "/messages", "Authorization", "Bearer " + bob);
        HttpResponse<String> cont = post("/api/chat/message",
                "{\"message\":\"Let me in\",\"conversation_id\":\"" + conversation + "\"}", "Authorization", "Bearer " + bob);
        HttpResponse<String> delete = send("DELETE", "/api/chat/conversations/" + conversation, null, "Authorization", "Bearer " + bob);
        HttpResponse<String> unknown = get("/api/chat/conversations/" + UUID.randomUUID() + "/messages", "Authorization", "Bearer " + bob);

        for (HttpResponse<String> response : List.of(read, cont, delete)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(withoutRequestId(response)).isEqualTo(withoutRequestId(unknown));
            assertThat(response.body()).doesNotContain("Ada's private");
        }
        assertThat(body(read)).containsEntry("code", "conversation_not_found");
        assertThat(model.requests()).hasSize(requestsBefore);
        assertThat(get("/api/chat/conversations", "Authorization", "Bearer " + bob).body()).doesNotContain(conversation);

        ask(bob, "Bob's own question about tokens", null);
        assertThat(model.lastRequest().body()).doesNotContain("Ada's private").contains("Bob's own question");
        assertThat(OpenAiChatModelTest.messages(OpenAiChatModelTest.parse(model.lastRequest().body()))).hasSize(2);
        assertThat(get("/api/chat/conversations/" + conversation + "/messages", "Authorization", "Bearer " + ada).statusCode())
                .isEqualTo(200);
    }

    @Test
    void modelDown_answers503_keepsTheMessage_andTheStatusSaysSo() {
        model.failWith(500);

        HttpResponse<String> failed = post("/api/chat/message", "{\"message\":\"Is anyone there?\"}", "Authorization", "Bearer " + ada);

        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(failed.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(body(failed)).containsEntry("code", "answer_unavailable").containsKey("request_id");
        assertThat(body(get("/api/chat/status"))).containsEntry("status", "unavailable");
        String conversation = newestConversation(ada);
        assertThat(get("/api/chat/conversations/" + conversation + "/messages", "Authorization", "Bearer " + ada).body())
                .contains("Is anyone there?");

        model.reset();
        model.delay(Duration.ofSeconds(3));
        HttpResponse<String> timedOut = post("/api/chat/message",
                "{\"message\":\"Still there?\",\"conversation_id\":\"" + conversation + "\"}", "Authorization", "Bearer " + ada);
        assertThat(timedOut.statusCode()).isEqualTo(503);
        assertThat(body(timedOut)).containsEntry("code", "answer_unavailable");

        model.reset();
        HttpResponse<String> recovered = post("/api/chat/message",
                "{\"message\":\"Now?\",\"conversation_id\":\"" + conversation + "\"}", "Authorization", "Bearer " + ada);
        assertThat(recovered.statusCode()).isEqualTo(200);
        assertThat(body(get("/api/chat/status"))).containsEntry("status", "available");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> turns = (List<Map<String, Object>>) body(get("/api/chat/conversations/" + conversation
                + "/messages", "Authorization", "Bearer " + ada)).get("messages");
        assertThat(turns).extracting(turn -> turn.get("content"))
                .containsExactly("Is anyone there?", "Still there?", "Now?", "A canned answer.");
    }

    @Test
    @Timeout(60)
    void aModelThatTricklesItsReplyOrSendsTooMuch_answers503_withinTheTimeout() {
        String carol = signedInToken(uniqueEmail(), PASSWORD);
        model.trickle();

        HttpResponse<String> trickled = post("/api/chat/message", "{\"message\":\"Are you streaming?\"}",
                "Authorization", "Bearer " + carol);

        assertThat(trickled.statusCode()).isEqualTo(503);
        assertThat(body(trickled)).containsEntry("code", "answer_unavailable");

        model.reset();
        model.hugeBody(2 * 1024 * 1024);
        HttpResponse<String> huge = post("/api/chat/message", "{\"message\":\"Tell me everything\"}",
                "Authorization", "Bearer " + carol);

        assertThat(huge.statusCode()).isEqualTo(503);
        assertThat(body(huge)).containsEntry("code", "answer_unavailable");
    }

    @Test
    void invalidMessages_areRefusedWith400_beforeTheModelIsAsked() {
        int requestsBefore = model.requests().size();

        for (String body : List.of("{\"message\":\"\"}", "{\"message\":\"   \"}", "{}", "{\"message\":\"" + "a".repeat(4001) + "\"}",
                "{\"message\":\"hi\",\"conversation_id\":\"not-a-uuid\"}", "{\"message\":", "[]")) {
            HttpResponse<String> response = post("/api/chat/message", body, "Authorization", "Bearer " + ada);
            assertThat(response.statusCode()).as(body.length() > 60 ? "4001 chars" : body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(body(post("/api/chat/message", "{\"message\":\" \"}", "Authorization", "Bearer " + ada)))
                .containsEntry("code", "invalid_message");
        assertThat(post("/api/chat/message", "{\"message\":\"" + "a".repeat(4000) + "\"}", "Authorization", "Bearer " + ada)
                .statusCode()).isEqualTo(200);
        assertThat(model.requests()).hasSize(requestsBefore + 1);
    }

    @Test
    void withoutACredential_chatIs401_butTheStatusIsPublic() {
        assertThat(post("/api/chat/message", "{\"message\":\"hi\"}").statusCode()).isEqualTo(401);
        assertThat(get("/api/chat/conversations").statusCode()).isEqualTo(401);
        assertThat(post("/api/chat/message", "{\"message\":\"hi\"}", "Authorization", "Bearer " + "A".repeat(43)).statusCode())
                .isEqualTo(401);

        HttpResponse<String> status = get("/api/chat/status");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(body(status)).containsKeys("status", "timestamp");
    }

    @Test
    void conversations_arePagedNewestFirst_andDeletedWith204() {
        String carol = signedInToken(uniqueEmail(), PASSWORD);
        String older = ask(carol, "first conversation", null);
        String newer = ask(carol, "second conversation", null);

        Map<String, Object> page = body(get("/api/chat/conversations?limit=1", "Authorization", "Bearer " + carol));
        Map<String, Object> next = body(get("/api/chat/conversations?limit=1&before=" + page.get("next_before"),
                "Authorization", "Bearer " + carol));

        assertThat(page.get("conversations").toString()).contains(newer);
        assertThat(page.get("next_before")).isEqualTo(newer);
        assertThat(next.get("conversations").toString()).contains(older);
        assertThat(next.get("next_before")).isNull();
        assertThat(get("/api/chat/conversations?limit=0", "Authorization", "Bearer " + carol).statusCode()).isEqualTo(400);
        assertThat(get("/api/chat/conversations?limit=101", "Authorization", "Bearer " + carol).statusCode()).isEqualTo(400);

        HttpResponse<String> deleted = send("DELETE", "/api/chat/conversations/" + older, null, "Authorization", "Bearer " + carol);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(get("/api/chat/conversations/" + older + "/messages", "Authorization", "Bearer " + carol).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/chat/conversations/" + older, null, "Authorization", "Bearer " + carol).statusCode()).isEqualTo(404);
        assertThat(get("/api/chat/conversations/not-a-uuid/messages", "Authorization", "Bearer " + carol).statusCode()).isEqualTo(404);
    }

    @Test
    void messageText_neverReachesTheLogs() {
        String marker = "marker-" + UUID.randomUUID();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        try {
            model.reply("answer " + marker);
            String conversation = ask(ada, "question " + marker, null);
            model.failWith(503);
            post("/api/chat/message", "{\"message\":\"again " + marker + "\",\"conversation_id\":\"" + conversation + "\"}",
                    "Authorization", "Bearer " + ada);
        } finally {
            root.detachAppender(appender);
        }

        assertThat(appender.list).isNotEmpty();
        assertThat(appender.list).allSatisfy(event -> {
            assertThat(event.getFormattedMessage()).doesNotContain(marker).doesNotContain(API_KEY);
            assertThat(event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage()).doesNotContain(marker);
        });
    }

    private String ask(String token, String question, String conversation) {
        String body = conversation == null ? "{\"message\":\"" + question + "\"}"
                : "{\"message\":\"" + question + "\",\"conversation_id\":\"" + conversation + "\"}";
        HttpResponse<String> response = post("/api/chat/message", body, "Authorization", "Bearer " + token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return (String) body(response).get("conversation_id");
    }

    @SuppressWarnings("unchecked")
    private String newestConversation(String token) {
        List<Map<String, Object>> conversations = (List<Map<String, Object>>) body(get("/api/chat/conversations?limit=1",
                "Authorization", "Bearer " + token)).get("conversations");
        return (String) conversations.get(0).get("id");
    }

    private String withoutRequestId(HttpResponse<String> response) {
        return response.body().replaceAll("\"request_id\":\"[^\"]*\"", "");
    }
}
