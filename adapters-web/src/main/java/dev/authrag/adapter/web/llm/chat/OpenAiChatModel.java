package dev.authrag.adapter.web.llm.chat;

import dev.authrag.application.chat.LanguageModel;
import dev.authrag.domain.chat.Answer;
import dev.authrag.domain.chat.ChatException;
import dev.authrag.domain.chat.ChatException.Reason;
import dev.authrag.domain.chat.ChatMessage;
import dev.authrag.domain.chat.Passage;
import dev.authrag.domain.chat.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link LanguageModel} over any OpenAI-compatible chat-completions endpoint (OpenAI, OpenRouter, Ollama, vLLM):
 * {@code POST <base>/chat/completions} with the system prompt and numbered passages, this conversation's earlier
 * turns, and the question; the API key, when there is one, as {@code Authorization: Bearer}. The whole exchange has
 * one deadline ({@code LLM_TIMEOUT}) and the reply a size cap (1 MiB). A missed deadline, a reply over the cap, an
 * unreachable server, any non-2xx status or an unreadable reply is ANSWER_UNAVAILABLE. Logs carry the status or
 * failure kind only, never a prompt, a reply or the key. The calling (blocking-pool) thread waits for the reply.
 */
public final class OpenAiChatModel implements LanguageModel {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiChatModel.class);
    private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,2})]");
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The largest reply read: a chat completion is a few kilobytes; more is a broken or hostile server. */
    static final int MAX_REPLY_BYTES = 1024 * 1024;

    private final URI endpoint;
    private final String apiKey;
    private final String model;
    private final Duration timeout;
    private final JsonMapper json;
    private final HttpClient http;

    /** @param apiKey null or blank for servers without keys (a local Ollama) */
    public OpenAiChatModel(URI baseUrl, @Nullable String apiKey, String model, Duration timeout, JsonMapper json) {
        String base = baseUrl.toString();
        this.endpoint = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/chat/completions");
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        this.model = Objects.requireNonNull(model, "model");
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? timeout : MAX_CONNECT_TIMEOUT)
                .build();
    }

    /** The protocol's message: a role ({@code system}, {@code user}, {@code assistant}) and its text. */
    @Serdeable
    record Message(String role, @Nullable String content) {
    }

    @Serdeable
    record CompletionRequest(String model, List<Message> messages, boolean stream) {
    }

    @Serdeable
    record Choice(@Nullable Message message) {
    }

    /** Only what is read; the rest of the reply (id, usage, ...) is ignored. */
    @Serdeable
    record CompletionResponse(@Nullable List<Choice> choices) {
    }

    @Override
    public Answer answer(Prompt prompt) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(prompt)));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<byte[]> response = exchange(request.build());
        if (response.statusCode() / 100 != 2) {
            throw unavailable("status " + response.statusCode()
                    + (response.statusCode() == 401 || response.statusCode() == 403 ? " (check LLM_API_KEY)" : "")
                    + (response.statusCode() == 404 ? " (check LLM_BASE_URL and LLM_MODEL)" : ""));
        }
        String text = content(response.body());
        return new Answer(text, cited(text, prompt.passages()));
    }

    /**
     * Sends the request and reads the reply under one deadline for the whole exchange (connection, headers and body),
     * and at most {@link #MAX_REPLY_BYTES} of body. The JDK client's own timeout covers the headers only: a server
     * that sends them and then trickles the body would hold the caller for ever. Past the deadline the exchange is
     * cancelled, which closes its connection.
     */
    private HttpResponse<byte[]> exchange(HttpRequest request) {
        CompletableFuture<HttpResponse<byte[]>> reply = http.sendAsync(request, info -> new CappedBody(MAX_REPLY_BYTES));
        try {
            return reply.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw unavailable("no reply within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ReplyTooLarge) {
                throw unavailable("a reply over " + MAX_REPLY_BYTES + " bytes");
            }
            if (cause instanceof HttpTimeoutException) {
                throw unavailable("no reply within " + timeout.toMillis() + " ms");
            }
            throw unavailable("unreachable (" + (cause == null ? e : cause).getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        } finally {
            reply.cancel(true);
        }
    }

    /** Gathers a reply's body, failing (and cancelling the download) once it passes the cap. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final long cap;
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;
        private long received;

        CappedBody(long cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                received += item.remaining();
                if (received > cap) {
                    subscription.cancel();
                    body.completeExceptionally(new ReplyTooLarge());
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }

    /** A reply body over the cap; carries nothing of the reply. */
    private static final class ReplyTooLarge extends IOException {
        ReplyTooLarge() {
            super("reply too large", null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private byte[] body(Prompt prompt) {
        List<Message> messages = new ArrayList<>();
        messages.add(new Message("system", prompt.instructions() + "\n\n" + passages(prompt.passages())));
        for (ChatMessage turn : prompt.history()) {
            messages.add(new Message(turn.role() == Role.USER ? "user" : "assistant", turn.content()));
        }
        messages.add(new Message("user", prompt.question().text()));
        try {
            return json.writeValueAsBytes(new CompletionRequest(model, messages, false));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a chat-completions request", e);
        }
    }

    private static String passages(List<Passage> passages) {
        if (passages.isEmpty()) {
            return "No documentation passages were found for this question.";
        }
        StringBuilder text = new StringBuilder("Documentation passages:\n");
        for (int i = 0; i < passages.size(); i++) {
            Passage passage = passages.get(i);
            text.append("\n[").append(i + 1).append("] ").append(passage.title()).append('\n')
                    .append("URL: ").append(passage.url()).append('\n')
                    .append(passage.text().strip()).append('\n');
        }
        return text.toString();
    }

    private String content(byte[] body) {
        try {
            CompletionResponse reply = json.readValue(body, CompletionResponse.class);
            if (reply != null && reply.choices() != null && !reply.choices().isEmpty() && reply.choices().get(0).message() != null) {
                String content = reply.choices().get(0).message().content();
                if (content != null && !content.isBlank()) {
                    return content.strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            throw unavailable("unreadable reply (" + e.getClass().getSimpleName() + ")");
        }
        throw unavailable("a reply without an answer");
    }

    /** The passages the answer cites as [n]; when it cites none it drew on all it was given. */
    private static List<Passage> cited(String answer, List<Passage> passages) {
        TreeSet<Integer> numbers = new TreeSet<>();
        Matcher matcher = CITATION.matcher(answer);
        while (matcher.find()) {
            int number = Integer.parseInt(matcher.group(1));
            if (number >= 1 && number <= passages.size()) {
                numbers.add(number);
            }
        }
        return numbers.isEmpty() ? passages : numbers.stream().map(number -> passages.get(number - 1)).toList();
    }

    private ChatException unavailable(String why) {
        LOG.warn("language model at {} gave no answer: {}", endpoint.getHost(), why);
        return new ChatException(Reason.ANSWER_UNAVAILABLE, "The language model did not answer: " + why);
    }

    @Override
    public String toString() {
        return "OpenAiChatModel[" + endpoint + ", model=" + model + "]";
    }
}
