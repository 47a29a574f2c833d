package dev.authrag.bootstrap.logging;

import dev.authrag.bootstrap.support.HttpTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captures everything the service writes to stdout, through the production logback configuration (JSON), while a
 * register, sign-in, verify and sign-out journey runs, and checks that every line is one JSON object carrying the
 * id of the request it was logged for, and that no credential appears anywhere.
 */
@MicronautTest(transactional = false)
class JourneyLogsTest extends HttpTestSupport {

    private static final String PASSWORD = "journey horse battery";
    private static final String AGENT = "JourneyLogsTest/1.0";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("spec.name", "JourneyLogsTest");
    }

    @Test
    void aJourney_logsOneJsonObjectPerLine_eachWithItsRequestId_andNoSecret() throws Exception {
        String email = uniqueEmail();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> ids = new HashMap<>();
        for (String step : List.of("register", "wrong-password", "sign-in", "verify-cookie", "verify-bearer", "verify-access", "probe", "sign-out")) {
            ids.put(step, "journey-" + run + "-" + step);
        }
        String[] token = new String[2];

        String output = capturingStdout(() -> {
            assertThat(send("POST", "/api/auth/register", credentials(email, PASSWORD), id(ids, "register")).statusCode()).isEqualTo(201);
            assertThat(send("POST", "/api/auth/sign-in", credentials(email, "not the password"), id(ids, "wrong-password")).statusCode())
                    .isEqualTo(401);
            HttpResponse<String> signIn = send("POST", "/api/auth/sign-in", credentials(email, PASSWORD), id(ids, "sign-in"));
            assertThat(signIn.statusCode()).isEqualTo(200);
            token[0] = (String) body(signIn).get("session_token");
            token[1] = (String) body(signIn).get("access_token");
            assertThat(get("/api/auth/verify", with(id(ids, "verify-cookie"), "Cookie", "session_token=" + token[0])).statusCode())
                    .isEqualTo(200);
            assertThat(get("/api/auth/verify", with(id(ids, "verify-bearer"), "Authorization", "Bearer " + token[0])).statusCode())
                    .isEqualTo(200);
            assertThat(get("/api/auth/verify", with(id(ids, "verify-access"), "Authorization", "Bearer " + token[1])).statusCode())
                    .isEqualTo(200);
            assertThat(get("/test/log-probe", with(id(ids, "probe"), "Authorization", "Bearer " + token[0])).statusCode())
                    .isEqualTo(200);
            return send("POST", "/api/auth/sign-out", null, with(id(ids, "sign-out"), "Cookie", "session_token=" + token[0]));
        });

        String userId = userIdOf(email);
        List<Map<String, Object>> lines = parseLines(output);

        assertThat(token[1]).as("sign-in hands out an access token too").isNotBlank();
        for (String secret : secrets(email, token[0], token[1])) {
            assertThat(output).as("a credential in the logs").doesNotContain(secret);
        }
        assertThat(lines).as("every line is a complete JSON log record").allSatisfy(line -> {
            assertThat(line).containsKeys("timestamp", "level", "logger", "thread", "message");
            assertThat((String) line.get("timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat((String) line.get("message")).as("formatted, not the raw pattern").doesNotContain("{}");
        });
        // Scheduled jobs (revocation refresh, purges) and connection pools' own threads (HikariPool-N:connection-adder)
        // serve no request, of this context or of one another test class is still closing; every line of
        // request-handling threads must carry its request's id.
        assertThat(lines.stream().filter(line -> !String.valueOf(line.get("thread")).startsWith("scheduled-executor")
                        && !String.valueOf(line.get("thread")).startsWith("HikariPool-")))
                .as("every request line carries the id of one of the journey's requests")
                .isNotEmpty()
                .allSatisfy(line -> assertThat(ids.values()).contains((String) line.get("request_id")));

        assertThat(event(lines, "registration_success")).containsEntry("request_id", ids.get("register"))
                .containsEntry("user_id", userId).containsEntry("outcome", "success").containsEntry("level", "INFO");
        assertThat(event(lines, "signin_failed")).containsEntry("request_id", ids.get("wrong-password"))
                .containsEntry("reason", "wrong_password").containsEntry("outcome", "failure").containsEntry("user_id", userId);
        assertThat(event(lines, "signin_success")).containsEntry("request_id", ids.get("sign-in")).containsEntry("user_id", userId)
                .containsKey("session_id");
        assertThat(event(lines, "signout")).containsEntry("request_id", ids.get("sign-out")).containsEntry("user_id", userId);
        assertThat(event(lines, "signin_success").get("message")).isEqualTo("security event signin_success");

        List<Map<String, Object>> lookups = probes(lines, "probe: session lookup");
        assertThat(lookups).extracting(line -> line.get("request_id"))
                .as("the session lookup runs on the blocking executor, reached through Reactor")
                .contains(ids.get("verify-cookie"), ids.get("verify-bearer"), ids.get("probe"), ids.get("sign-out"));
        assertThat(lookups).allSatisfy(line -> assertThat((String) line.get("thread")).doesNotContainIgnoringCase("eventloop"));
        assertThat(probes(lines, "probe: authenticated work")).singleElement().satisfies(line -> {
            assertThat(line).containsEntry("request_id", ids.get("probe")).containsEntry("user_id", userId);
            assertThat((String) line.get("thread")).doesNotContainIgnoringCase("eventloop");
        });

        assertThat(storedRequestIds(userId)).as("the audit rows carry the same request ids as the log lines")
                .containsEntry("registration_success", ids.get("register"))
                .containsEntry("signin_failed", ids.get("wrong-password"))
                .containsEntry("signin_success", ids.get("sign-in"))
                .containsEntry("signout", ids.get("sign-out"));
    }

    /** Everything written to stdout while the journey runs; the production ConsoleAppender writes to System.out as it finds it. */
    private static String capturingStdout(Supplier<HttpResponse<String>> journey) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                captured.write(b);
                original.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                captured.write(bytes, offset, length);
                original.write(bytes, offset, length);
            }
        }, true, StandardCharsets.UTF_8));
        try {
            assertThat(journey.get().statusCode()).isEqualTo(200);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> parseLines(String output) throws IOException {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            assertThat(line.strip()).as("one JSON object per line").startsWith("{").endsWith("}");
            lines.add(json.readValue(line, Map.class));
        }
        assertThat(lines).as("the journey logged something").isNotEmpty();
        return lines;
    }

    private List<String> secrets(String email, String token, String accessToken) throws Exception {
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, "not the password", token, "session_token=" + token,
                "Bearer " + token, accessToken, accessToken.substring(accessToken.lastIndexOf('.') + 1)));
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT u.password_hash, s.token_hash FROM users u JOIN sessions s ON s.user_id = u.id WHERE u.email = ?")) {
            query.setString(1, email);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                secrets.add(rows.getString(1));
                secrets.add(rows.getString(1).substring(rows.getString(1).lastIndexOf('$') + 1));
                secrets.add(rows.getString(2));
            }
        }
        return secrets;
    }

    private String userIdOf(String email) throws Exception {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement("SELECT id FROM users WHERE email = ?")) {
            query.setString(1, email);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }

    private Map<String, String> storedRequestIds(String userId) throws Exception {
        Map<String, String> byType = new HashMap<>();
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT type, request_id FROM audit_events WHERE user_id = CAST(? AS uuid)")) {
            query.setString(1, userId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    assertThat(byType.put(rows.getString(1), rows.getString(2))).as("one %s event", rows.getString(1)).isNull();
                }
            }
        }
        return byType;
    }

    private static Map<String, Object> event(List<Map<String, Object>> lines, String type) {
        List<Map<String, Object>> matching = lines.stream().filter(line -> type.equals(line.get("event"))).toList();
        assertThat(matching).as("one %s line", type).hasSize(1);
        return matching.get(0);
    }

    private static List<Map<String, Object>> probes(List<Map<String, Object>> lines, String message) {
        return lines.stream().filter(line -> LogProbes.LOGGER.equals(line.get("logger")) && message.equals(line.get("message"))).toList();
    }

    private static String[] id(Map<String, String> ids, String step) {
        return new String[]{"X-Request-Id", ids.get(step), "User-Agent", AGENT};
    }

    private static String[] with(String[] headers, String name, String value) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = name;
        all[headers.length + 1] = value;
        return all;
    }
}
