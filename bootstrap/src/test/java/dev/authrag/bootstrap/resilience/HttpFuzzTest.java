package dev.authrag.bootstrap.resilience;

import dev.authrag.adapter.persistence.testing.TestDatabase;
import dev.authrag.bootstrap.support.RawHttp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing of every route of ../shared/CONTRACT.md over a raw socket (so any header byte can be sent):
 * generated bodies (arbitrary text, JSON with wrong types, huge numbers, unicode, nulls, deep arrays, cut-off JSON),
 * headers (content types, X-Request-Id, X-Forwarded-For, Origin, Accept), cookies and tokens (garbage, JWT-shaped,
 * valid ones). Whatever arrives: never a 5xx (the database is healthy, so not even a 503), and every 4xx is
 * problem+json with its {@code code} and the {@code request_id} that the X-Request-Id header also carries.
 *
 * <p>A jqwik container (its own JUnit Platform engine), so the server is started by hand rather than by
 * {@code @MicronautTest}. Each run draws new cases; a failure prints the seed that reproduces it.
 */
class HttpFuzzTest {

    private static final String PASSWORD = "fuzzing resilient passphrase";
    private static final String FRONT_END = "https://app.example.com";

    private static TestDatabase database;
    private static EmbeddedServer server;
    private static JsonMapper json;
    private static String sessionToken;
    private static String accessToken;

    /** A route of the contract; {@code {id}} and the query are filled with generated text. */
    private record Route(String method, String path, boolean query, boolean protectedRoute, boolean endsSession,
                         List<String> fields) {
    }

    private static final List<Route> ROUTES = List.of(
            new Route("GET", "/health", false, false, false, List.of()),
            new Route("GET", "/health/liveness", false, false, false, List.of()),
            new Route("GET", "/health/readiness", false, false, false, List.of()),
            new Route("GET", "/.well-known/jwks.json", false, false, false, List.of()),
            new Route("GET", "/openapi.yml", false, false, false, List.of()),
            new Route("GET", "/openapi.json", false, false, false, List.of()),
            new Route("GET", "/docs", false, false, false, List.of()),
            new Route("GET", "/prometheus", false, false, false, List.of()),
            new Route("POST", "/api/auth/register", false, false, false, List.of("email", "password", "name")),
            new Route("POST", "/api/auth/sign-in", false, false, false, List.of("email", "password")),
            new Route("POST", "/api/auth/sign-out", false, true, true, List.of()),
            new Route("GET", "/api/auth/verify", false, true, false, List.of()),
            new Route("POST", "/api/auth/token", false, true, false, List.of()),
            new Route("GET", "/api/auth/sessions", false, true, false, List.of()),
            new Route("DELETE", "/api/auth/sessions/{id}", false, true, false, List.of()),
            new Route("POST", "/api/auth/sessions/revoke-others", false, true, false, List.of()),
            new Route("POST", "/api/auth/change-password", false, true, false, List.of("current_password", "new_password")),
            new Route("GET", "/api/auth/events", true, true, false, List.of()),
            new Route("POST", "/api/chat/message", false, true, false, List.of("message", "conversation_id")),
            new Route("GET", "/api/chat/status", false, false, false, List.of()),
            new Route("GET", "/api/chat/conversations", true, true, false, List.of()),
            new Route("GET", "/api/chat/conversations/{id}/messages", true, true, false, List.of()),
            new Route("DELETE", "/api/chat/conversations/{id}", false, true, false, List.of()));

    /** One generated request; its toString is what jqwik prints for a failing case. */
    private record Probe(String method, String target, List<Map.Entry<String, String>> headers, String body) {
        @Override
        public String toString() {
            return method + " " + target + " " + headers + " body=" + (body == null ? "none"
                    : body.length() > 300 ? body.substring(0, 300) + "...(" + body.length() + " chars)" : body);
        }
    }

    @BeforeContainer
    static void startServer() throws IOException, InterruptedException {
        database = TestDatabase.create("HttpFuzzTest");
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("micronaut.server.port", "-1");
        properties.put("authrag.token.auth-secret", "test-secret-" + "x".repeat(40));
        // limits on, so that their filter and its header parsing are fuzzed too, but never reached
        properties.put("authrag.rate-limit.enabled", "true");
        properties.put("authrag.rate-limit.signin-per-ip", "100000/1h");
        properties.put("authrag.rate-limit.signin-per-email", "100000/1h");
        properties.put("authrag.rate-limit.register-per-ip", "100000/1h");
        properties.put("authrag.rate-limit.chat-per-user", "100000/1h");
        properties.put("authrag.edge.trusted-proxy-hops", "1");
        properties.put("authrag.edge.cors-allowed-origins", FRONT_END);
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        json = server.getApplicationContext().getBean(JsonMapper.class);

        HttpClient http = HttpClient.newHttpClient();
        String credentials = "{\"email\":\"fuzz-" + UUID.randomUUID() + "@example.com\",\"password\":\"" + PASSWORD + "\"}";
        http.send(post("/api/auth/register", credentials), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> signIn = http.send(post("/api/auth/sign-in", credentials), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(200);
        Map<?, ?> body = json.readValue(signIn.body(), Map.class);
        sessionToken = (String) body.get("session_token");
        accessToken = (String) body.get("access_token");
    }

    @AfterContainer
    static void stopServer() {
        if (server != null) {
            server.getApplicationContext().close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Property(tries = 1500, shrinking = ShrinkingMode.BOUNDED)
    void anyRoute_anyMethod_headersAndBody_neverFailsTheServer(@ForAll("anyRequest") Probe probe) {
        check(probe);
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED)
    void jsonRoutes_withAValidCredential_takeAnyBodyAsA4xxOrSuccess(@ForAll("jsonBodyRequest") Probe probe) {
        check(probe);
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED)
    void protectedRoutes_refuseAnyForgedCredentialWithAProblem(@ForAll("credentialRequest") Probe probe) {
        RawHttp.Response response = check(probe);
        assertThat(response.status()).as(probe + " -> " + response.status()).isNotIn(200, 201, 204);
    }

    @Example
    void aPreflightFromAnAllowedOriginForAMethodTheRouteLacks_isRefusedWithAProblem() {
        RawHttp.Response response = check(new Probe("OPTIONS", "/health", List.of(Map.entry("Origin", FRONT_END),
                Map.entry("Access-Control-Request-Method", "POST")), null));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Example
    void aRequestFromAnOriginOutsideTheAllowlist_isRefusedWithAProblem() {
        assertThat(check(new Probe("GET", "/api/chat/status", List.of(Map.entry("Origin", "null")), null)).status())
                .isEqualTo(403);
    }

    /** Found by the properties: PostgreSQL cannot store U+0000, and the question used to reach the INSERT. */
    @Example
    void aChatMessageWithANulCharacter_isAnInvalidMessage() {
        RawHttp.Response response = check(new Probe("POST", "/api/chat/message", List.of(
                Map.entry("Content-Type", "application/json"), Map.entry("Authorization", "Bearer " + sessionToken)),
                "{\"message\":\"\\u0000\",\"conversation_id\":null}"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"invalid_message\"");
    }

    private static RawHttp.Response check(Probe probe) {
        RawHttp.Response response = RawHttp.exchange(server.getPort(), RawHttp.request(probe.method(), probe.target(),
                probe.headers(), probe.body() == null ? null : probe.body().getBytes(StandardCharsets.UTF_8)), Duration.ofSeconds(20));
        Statistics.collect(response.status());
        String seen = probe + " -> " + response.status() + " " + response.headers() + " " + response.body();
        assertThat(response.status()).as(seen).isLessThan(500);
        if (response.status() >= 400) {
            assertThat(response.header("Content-Type")).as(seen)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            Map<?, ?> problem;
            try {
                problem = json.readValue(response.body(), Map.class);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + seen, e);
            }
            assertThat(problem.get("code")).as(seen).isInstanceOf(String.class);
            assertThat(problem.get("status")).as(seen).isEqualTo(response.status());
            assertThat(problem.get("request_id")).as(seen).isInstanceOf(String.class)
                    .isEqualTo(response.header("X-Request-Id").orElse(null));
        }
        return response;
    }

    // ----- what is generated -------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Probe> anyRequest() {
        return Combinators.combine(route(), method(), credential(), contentType(), body(), extraHeaders(), garbage(60),
                        Arbitraries.integers().between(0, 9))
                .as((route, method, credential, contentType, body, extra, text, pick) -> {
                    List<Map.Entry<String, String>> headers = new ArrayList<>(extra);
                    headers.addAll(route.endsSession() ? forgedOnly(credential) : credential);
                    contentType.ifPresent(headers::add);
                    // path ids and query values: usually encoded text, now and then raw (spaces, unicode: not valid HTTP)
                    String target = target(route, pick == 0 ? text : encode(text));
                    return new Probe(method.orElse(route.method()), target, headers, body);
                });
    }

    @Provide
    Arbitrary<Probe> jsonBodyRequest() {
        Arbitrary<Route> bodyRoutes = Arbitraries.of(ROUTES.stream().filter(route -> !route.fields().isEmpty()).toList());
        return Combinators.combine(bodyRoutes, jsonValueFor(), Arbitraries.integers().between(0, 9), garbage(40))
                .as((route, values, shape, cut) -> {
                    String body = switch (shape) {
                        case 0 -> cut.isEmpty() ? "" : cut;                                  // not JSON
                        case 1 -> values.apply(List.of("x")).replace("\"x\"", "\"" + cut + "\""); // unknown field
                        case 2 -> "[" + values.apply(route.fields()) + "]";                   // an array, not an object
                        case 3 -> truncated(values.apply(route.fields()), cut.length());     // cut off
                        default -> values.apply(route.fields());                             // wrong or odd values
                    };
                    List<Map.Entry<String, String>> headers = new ArrayList<>();
                    headers.add(Map.entry("Content-Type", "application/json"));
                    if (route.protectedRoute()) {
                        headers.add(Map.entry("Authorization", "Bearer " + sessionToken));
                    }
                    return new Probe("POST", route.path(), headers, body);
                });
    }

    @Provide
    Arbitrary<Probe> credentialRequest() {
        Arbitrary<Route> protectedRoutes = Arbitraries.of(ROUTES.stream().filter(Route::protectedRoute).toList());
        return Combinators.combine(protectedRoutes, forgedCredential(), extraHeaders())
                .as((route, credential, extra) -> {
                    List<Map.Entry<String, String>> headers = new ArrayList<>(extra);
                    headers.addAll(credential);
                    String body = route.fields().isEmpty() || route.method().equals("GET") ? null : "{}";
                    if (body != null) {
                        headers.add(Map.entry("Content-Type", "application/json"));
                    }
                    return new Probe(route.method(), target(route, ""), headers, body);
                });
    }

    private static Arbitrary<Route> route() {
        return Arbitraries.of(ROUTES);
    }

    /** Mostly the route's own method (empty), sometimes another. */
    private static Arbitrary<Optional<String>> method() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(Optional.<String>empty())),
                Tuple.of(2, Arbitraries.of("GET", "POST", "DELETE", "PUT", "PATCH", "OPTIONS").map(Optional::of)));
    }

    private static String target(Route route, String text) {
        String path = route.path().replace("{id}", text.isEmpty() ? UUID.randomUUID().toString() : text);
        if (route.query() && !text.isEmpty()) {
            path += "?limit=" + text + "&before=" + text;
        }
        return path;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Text of any Unicode, without the line breaks that would end a header line early. */
    private static Arbitrary<String> garbage(int maxLength) {
        return Arbitraries.strings().all().ofMaxLength(maxLength).map(text -> text.replace('\r', ' ').replace('\n', ' '));
    }

    private static Arbitrary<String> body() {
        return Arbitraries.oneOf(
                Arbitraries.<String>just(null),
                garbage(200),
                jsonValue(6).map(Object::toString),
                jsonValueFor().flatMap(values -> Arbitraries.of(ROUTES).map(route -> values.apply(route.fields()))),
                Arbitraries.integers().between(1, 3000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
                Arbitraries.integers().between(1, 3000).map("{\"a\":"::repeat));
    }

    /** Functions from field names to a JSON object whose values are generated JSON of any type. */
    private static Arbitrary<Function<List<String>, String>> jsonValueFor() {
        return jsonValue(4).list().ofSize(4).map(values -> fields -> {
            StringBuilder object = new StringBuilder("{");
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    object.append(',');
                }
                object.append('"').append(fields.get(i)).append("\":").append(values.get(i % values.size()));
            }
            return object.append('}').toString();
        });
    }

    /** Any JSON value, written out: strings of any Unicode, odd numbers, booleans, null, nested arrays and objects. */
    private static Arbitrary<String> jsonValue(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                garbage(80).map(HttpFuzzTest::quote),
                Arbitraries.of("a@example.com", "  A@Example.COM ", "not-an-email", "a@b", PASSWORD, "short",
                        UUID.randomUUID().toString(), "00000000-0000-0000-0000-000000000000").map(HttpFuzzTest::quote),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.of("1e999999999", "-1e-999999999", "1.7976931348623157E309", "-0", "0.0000000001",
                        "9".repeat(400), "-" + "1".repeat(900), "NaN", "Infinity"),
                Arbitraries.of("true", "false", "null"));
        if (depth == 0) {
            return scalar;
        }
        return Arbitraries.frequencyOf(
                Tuple.of(6, scalar),
                Tuple.of(1, Arbitraries.lazy(() -> jsonValue(depth - 1)).list().ofMaxSize(4)
                        .map(items -> "[" + String.join(",", items) + "]")),
                Tuple.of(1, Arbitraries.lazy(() -> jsonValue(depth - 1)).list().ofMaxSize(3)
                        .map(items -> items.stream().map(item -> quote(item.substring(0, Math.min(item.length(), 8))) + ":" + item)
                                .collect(Collectors.joining(",", "{", "}")))));
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private static String truncated(String json, int seed) {
        return json.isEmpty() ? json : json.substring(0, Math.max(1, json.length() - 1 - seed % json.length()));
    }

    private static Arbitrary<Optional<Map.Entry<String, String>>> contentType() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(Optional.of(Map.entry("Content-Type", "application/json")))),
                Tuple.of(1, Arbitraries.just(Optional.empty())),
                Tuple.of(3, Arbitraries.oneOf(
                        Arbitraries.of("application/json; charset=utf-16", "application/json; charset=bogus", "text/plain",
                                "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz",
                                "application/problem+json", "application/xml", "*/*", "application/", ";;;", ""),
                        garbage(40)).map(type -> Optional.of(Map.entry("Content-Type", type)))));
    }

    /** Headers every request may carry, each present or not: request id, forwarding chain, origin, accept. */
    private static Arbitrary<List<Map.Entry<String, String>>> extraHeaders() {
        Arbitrary<String> address = Arbitraries.oneOf(
                Arbitraries.of("203.0.113.7", "2001:db8::1", "[2001:db8::1]:443", "unknown", "127.0.0.1", "::ffff:10.0.0.1",
                        "999.999.999.999", "203.0.113.7:8080", "_hidden", ""),
                garbage(30));
        return Combinators.combine(
                header("X-Request-Id", 1, Arbitraries.oneOf(garbage(200), Arbitraries.of("abc-123", "x".repeat(129)))),
                header("X-Forwarded-For", 1, address.list().ofMaxSize(5).map(hops -> String.join(", ", hops))),
                // a foreign origin is refused by CORS before anything else happens: now and then only
                header("Origin", 6, Arbitraries.oneOf(Arbitraries.of(FRONT_END, "null", "https://evil.example",
                        "http://localhost"), garbage(40))),
                header("Accept", 4, Arbitraries.of("application/json", "text/html", "application/xml", "*/*", "",
                        "application/problem+json")),
                header("Access-Control-Request-Method", 4, Arbitraries.of("POST", "GET", "PUT", "TRACE")),
                // stored with each session and security event
                header("User-Agent", 1, Arbitraries.oneOf(garbage(300), Arbitraries.just("x".repeat(4000)))))
                .as((a, b, c, d, e, f) -> {
                    List<Map.Entry<String, String>> all = new ArrayList<>();
                    a.ifPresent(all::add);
                    b.ifPresent(all::add);
                    c.ifPresent(all::add);
                    d.ifPresent(all::add);
                    e.ifPresent(all::add);
                    f.ifPresent(all::add);
                    return all;
                });
    }

    /** The header with a value, or (absentWeight times as often) without it. */
    private static Arbitrary<Optional<Map.Entry<String, String>>> header(String name, int absentWeight,
                                                                                   Arbitrary<String> values) {
        return Arbitraries.frequencyOf(
                Tuple.of(absentWeight, Arbitraries.just(Optional.<Map.Entry<String, String>>empty())),
                Tuple.of(1, values.map(value -> Optional.of(Map.entry(name, value)))));
    }

    /** No credential, a valid one (session cookie, Bearer session token, Bearer JWT), or a forged one. */
    private static Arbitrary<List<Map.Entry<String, String>>> credential() {
        return Arbitraries.oneOf(
                Arbitraries.just(List.of()),
                Arbitraries.of(
                        List.of(Map.entry("Cookie", "session_token=" + sessionToken)),
                        List.of(Map.entry("Authorization", "Bearer " + sessionToken)),
                        List.of(Map.entry("Authorization", "Bearer " + accessToken))),
                forgedCredential());
    }

    private static List<Map.Entry<String, String>> forgedOnly(List<Map.Entry<String, String>> credential) {
        return credential.stream().anyMatch(header -> header.getValue().contains(sessionToken)
                || header.getValue().contains(accessToken)) ? List.of() : credential;
    }

    /** Garbage and near-misses as Bearer tokens and cookies: random text, JWT-shaped, tampered valid tokens. */
    private static Arbitrary<List<Map.Entry<String, String>>> forgedCredential() {
        Arbitrary<String> segment = Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
                .ofMaxLength(60);
        Arbitrary<String> jwtHeader = Arbitraries.of("{\"alg\":\"none\",\"typ\":\"at+jwt\"}", "{\"alg\":\"HS256\",\"kid\":\"x\"}",
                "{\"alg\":\"ES256\",\"kid\":\"../../etc/passwd\"}", "{\"alg\":\"ES256\",\"jku\":\"http://127.0.0.1/\"}",
                "{\"alg\":\"RS256\"}", "{}", "[]", "null", "{\"alg\":\"ES256\",\"crit\":[\"exp\"]}")
                .map(HttpFuzzTest::base64Url);
        Arbitrary<String> jwtShaped = Combinators.combine(Arbitraries.oneOf(jwtHeader, segment), Arbitraries.oneOf(
                        Arbitraries.of("{\"sub\":\"" + UUID.randomUUID() + "\",\"exp\":99999999999}", "{\"sub\":null}", "{}", "")
                                .map(HttpFuzzTest::base64Url), segment), segment)
                .as((header, claims, signature) -> header + "." + claims + "." + signature);
        Arbitrary<String> tampered = Arbitraries.integers().between(0, 200).map(i -> {
            String valid = i % 2 == 0 ? sessionToken : accessToken;
            // never the last character: some of its bits are padding, so a change there may decode to the same bytes
            int at = i % (valid.length() - 1);
            char replaced = valid.charAt(at) == 'A' ? 'B' : 'A';
            return valid.substring(0, at) + replaced + valid.substring(at + 1);
        });
        Arbitrary<String> token = Arbitraries.oneOf(garbage(100), segment, jwtShaped, tampered,
                Arbitraries.strings().withChars('.').ofMaxLength(5), Arbitraries.just("x".repeat(5000)));
        return Arbitraries.oneOf(
                token.map(value -> List.of(Map.entry("Authorization", "Bearer " + value))),
                token.map(value -> List.of(Map.entry("Authorization", value))),
                Arbitraries.of("Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "bearer " + "a".repeat(43), "Digest x", "")
                        .map(value -> List.of(Map.entry("Authorization", value))),
                token.map(value -> List.of(Map.entry("Cookie", "session_token=" + value))),
                garbage(100).map(value -> List.of(Map.entry("Cookie", value))),
                token.map(value -> List.of(Map.entry("Cookie", "session_token=" + value + "; session_token=" + value + "; other=1"))),
                Combinators.combine(token, token).as((a, b) -> List.of(Map.entry("Authorization", "Bearer " + a),
                        Map.entry("Cookie", "session_token=" + b))));
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
