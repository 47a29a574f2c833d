package dev.authrag.bootstrap.chat;

import dev.authrag.adapter.web.llm.chat.OpenAiChatModel;
import dev.authrag.application.chat.LanguageModel;
import dev.authrag.bootstrap.support.FakeChatCompletions;
import dev.authrag.domain.chat.Answer;
import dev.authrag.domain.chat.ChatException;
import dev.authrag.domain.chat.ChatException.Reason;
import dev.authrag.domain.chat.ChatMessage;
import dev.authrag.domain.chat.ConversationId;
import dev.authrag.domain.chat.MessageId;
import dev.authrag.domain.chat.Passage;
import dev.authrag.domain.chat.Question;
import dev.authrag.domain.chat.Role;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The OpenAI-compatible adapter over the wire, against a real HTTP server speaking the protocol. */
class OpenAiChatModelTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final List<Passage> PASSAGES = List.of(
            new Passage("Access tokens last fifteen minutes.", "Guide › Tokens", "https://docs.example.com/tokens", 0.6),
            new Passage("Sessions last seven days.", "Guide › Sessions", "https://docs.example.com/sessions", 0.4));

    private final FakeChatCompletions server = FakeChatCompletions.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theRequest_carriesTheKeyTheModelThePassagesTheHistoryAndTheQuestion() throws IOException {
        ConversationId conversation = ConversationId.random();
        List<ChatMessage> history = List.of(
                new ChatMessage(MessageId.random(), conversation, Role.USER, "Earlier question", List.of(), Instant.EPOCH),
                new ChatMessage(MessageId.random(), conversation, Role.ASSISTANT, "Earlier answer", List.of(), Instant.EPOCH));

        Answer answer = model(Duration.ofSeconds(5)).answer(new LanguageModel.Prompt("Be helpful.",
                new Question("How long do tokens last?"), PASSAGES, history));

        assertThat(answer.text()).isEqualTo("A canned answer.");
        FakeChatCompletions.Recorded request = server.lastRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.authorization()).isEqualTo("Bearer sk-test-123");
        assertThat(request.contentType()).isEqualTo("application/json");
        Map<String, Object> body = parse(request.body());
        assertThat(body).containsEntry("model", "test-model").containsEntry("stream", false);
        List<Map<String, String>> messages = messages(body);
        assertThat(messages).extracting(m -> m.get("role")).containsExactly("system", "user", "assistant", "user");
        assertThat(messages.get(0).get("content")).startsWith("Be helpful.")
                .contains("[1] Guide › Tokens\nURL: https://docs.example.com/tokens\nAccess tokens last fifteen minutes.")
                .contains("[2] Guide › Sessions");
        assertThat(messages.get(1).get("content")).isEqualTo("Earlier question");
        assertThat(messages.get(2).get("content")).isEqualTo("Earlier answer");
        assertThat(messages.get(3).get("content")).isEqualTo("How long do tokens last?");
    }

    @Test
    void theSources_areThePassagesTheAnswerCites_elseAllItWasGiven() {
        server.reply("Fifteen minutes [1].");
        Answer citing = model(Duration.ofSeconds(5)).answer(prompt());
        server.reply("Fifteen minutes, see [7].");
        Answer citingNothingKnown = model(Duration.ofSeconds(5)).answer(prompt());

        assertThat(citing.sources()).containsExactly("https://docs.example.com/tokens");
        assertThat(citingNothingKnown.sources()).containsExactly("https://docs.example.com/tokens", "https://docs.example.com/sessions");
    }

    @Test
    void withoutAKey_noAuthorizationHeaderIsSent() {
        new OpenAiChatModel(URI.create(server.baseUrl() + "/"), " ", "llama3", Duration.ofSeconds(5), JSON).answer(prompt());

        assertThat(server.lastRequest().authorization()).isNull();
        assertThat(server.lastRequest().path()).isEqualTo("/v1/chat/completions");
    }

    @Test
    void aServerErrorATimeoutOrAnUnreachableServer_isAnswerUnavailable() {
        server.failWith(502);
        assertUnavailable(model(Duration.ofSeconds(5)));

        server.reset();
        server.delay(Duration.ofSeconds(3));
        assertUnavailable(model(Duration.ofMillis(300)));

        server.reset();
        server.failWith(401);
        assertUnavailable(model(Duration.ofSeconds(5)));

        server.close();
        assertUnavailable(model(Duration.ofSeconds(2)));
    }

    @Test
    @Timeout(30)
    void aBodyThatTricklesPastTheDeadline_isAnswerUnavailable_andTheConnectionIsClosed() throws InterruptedException {
        server.trickle();

        assertUnavailable(model(Duration.ofMillis(500)));

        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (server.trickling() > 0 && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(server.trickling()).as("replies the client still holds open").isZero();
    }

    @Test
    @Timeout(30)
    void aReplyOverOneMebibyte_isAnswerUnavailable_andOneUnderItIsRead() {
        server.hugeBody(1024 * 1024 + 1);
        assertUnavailable(model(Duration.ofSeconds(10)));

        server.hugeBody(1024 * 1024);
        assertThat(model(Duration.ofSeconds(10)).answer(prompt()).text()).isEqualTo("huge");
    }

    @Test
    void aReplyWithoutAnAnswer_isAnswerUnavailable() {
        server.reply("");
        assertUnavailable(model(Duration.ofSeconds(5)));
    }

    private OpenAiChatModel model(Duration timeout) {
        return new OpenAiChatModel(URI.create(server.baseUrl()), "sk-test-123", "test-model", timeout, JSON);
    }

    private static LanguageModel.Prompt prompt() {
        return new LanguageModel.Prompt("i", new Question("q"), PASSAGES, List.of());
    }

    private static void assertUnavailable(OpenAiChatModel model) {
        assertThatThrownBy(() -> model.answer(prompt()))
                .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ANSWER_UNAVAILABLE));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String body) throws IOException {
        return JSON.readValue(body, Map.class);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, String>> messages(Map<String, Object> body) {
        return (List<Map<String, String>>) body.get("messages");
    }
}
