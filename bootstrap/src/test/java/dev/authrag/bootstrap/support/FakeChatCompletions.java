package dev.authrag.bootstrap.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on the loopback speaking the OpenAI chat-completions protocol ({@code POST /v1/chat/completions}):
 * it records every request (headers and body), answers with a canned reply, or is told to fail with a status or to
 * answer too late, to send its headers and then trickle a body that never ends, or to send a body of a given size.
 * Nothing leaves the machine.
 */
public final class FakeChatCompletions implements AutoCloseable {

    /** One request as it arrived. */
    public record Recorded(String method, String path, String authorization, String contentType, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Recorded> requests = new ArrayList<>();
    private volatile String reply;
    private volatile int failureStatus;
    private volatile Duration delay;
    private volatile CountDownLatch gate;
    private volatile boolean trickle;
    private volatile long hugeBody;
    private final AtomicInteger trickling = new AtomicInteger();

    private FakeChatCompletions(HttpServer server) {
        this.server = server;
        reset();
    }

    public static FakeChatCompletions start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeChatCompletions fake = new FakeChatCompletions(server);
            server.createContext("/", fake::handle);
            server.setExecutor(fake.executor);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What LLM_BASE_URL is set to. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Back to answering at once with the default reply. */
    public void reset() {
        reply = "A canned answer.";
        failureStatus = 0;
        delay = Duration.ZERO;
        release();
        gate = null;
        trickle = false;
        hugeBody = 0;
    }

    /**
     * Answer 200 with its headers at once, then one byte of the body every 100 ms, forever (until the client hangs
     * up or the server stops): a model that holds a caller whose deadline covers only the headers.
     */
    public void trickle() {
        this.trickle = true;
    }

    /** Replies still trickling: each ends when its client hangs up. */
    public int trickling() {
        return trickling.get();
    }

    /** Answer 200 with a body of this many bytes (a well-formed reply padded with spaces), at once. */
    public void hugeBody(long bytes) {
        this.hugeBody = bytes;
    }

    public void reply(String content) {
        this.reply = content;
    }

    public void failWith(int status) {
        this.failureStatus = status;
    }

    /** Answer only after this long (longer than LLM_TIMEOUT makes the client give up). */
    public void delay(Duration duration) {
        this.delay = duration;
    }

    /** Requests from now on wait (at most a minute) until {@link #release()}: answers kept in flight at will. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    /** Lets every held request answer. */
    public void release() {
        CountDownLatch held = gate;
        if (held != null) {
            held.countDown();
        }
    }

    /** Waits until this many requests have arrived in all. */
    public void awaitRequests(int count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (requests().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the model received " + requests().size() + " of " + count + " requests");
            }
            Thread.sleep(20);
        }
    }

    public synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public synchronized Recorded lastRequest() {
        if (requests.isEmpty()) {
            throw new AssertionError("the model received no request");
        }
        return requests.get(requests.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (this) {
                requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Content-Type"), body));
            }
            CountDownLatch held = gate;
            if (held != null) {
                try {
                    held.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (trickle) {
                trickleForever(exchange);
            } else if (hugeBody > 0) {
                sendHuge(exchange, hugeBody);
            } else if (!exchange.getRequestURI().getPath().equals("/v1/chat/completions")) {
                respond(exchange, 404, "{\"error\":{\"message\":\"not found\"}}");
            } else if (failureStatus != 0) {
                respond(exchange, failureStatus, "{\"error\":{\"message\":\"upstream failure\",\"type\":\"server_error\"}}");
            } else {
                respond(exchange, 200, """
                        {"id":"chatcmpl-1","object":"chat.completion","created":1767225600,"model":"test-model",
                         "choices":[{"index":0,"message":{"role":"assistant","content":%s,"refusal":null},"logprobs":null,
                                     "finish_reason":"stop"}],
                         "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15},"system_fingerprint":"fp"}"""
                        .formatted(quote(reply)));
            }
        }
    }

    private void trickleForever(HttpExchange exchange) {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        trickling.incrementAndGet();
        try {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("{\"choices\":[".getBytes(StandardCharsets.US_ASCII));
            exchange.getResponseBody().flush();
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(100);
                exchange.getResponseBody().write(' ');
                exchange.getResponseBody().flush();
            }
        } catch (IOException | InterruptedException e) {
            // the client hung up (what a bounded client does), or the server is stopping
        } finally {
            trickling.decrementAndGet();
        }
    }

    private static void sendHuge(HttpExchange exchange, long size) {
        byte[] head = "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"huge\"}}]".getBytes(StandardCharsets.US_ASCII);
        byte[] padding = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(200, size);
            exchange.getResponseBody().write(head);
            long left = size - head.length - 1;
            while (left > 0) {
                int n = (int) Math.min(left, padding.length);
                exchange.getResponseBody().write(padding, 0, n);
                left -= n;
            }
            exchange.getResponseBody().write('}');
        } catch (IOException e) {
            // the client hung up once it had read enough
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
