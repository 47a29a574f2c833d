package dev.authrag.bootstrap.audit;

import dev.authrag.bootstrap.support.HttpTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/auth/events over real HTTP: the caller's own events, newest first, in keyset pages. */
@MicronautTest(transactional = false)
class SecurityEventsTest extends HttpTestSupport {

    private static final String PASSWORD = "correct horse battery";
    private static final String AGENT = "SecurityEventsTest/1.0 (X11)";

    private String aliceToken;
    private String aliceAccessToken;
    private String bobToken;

    /** Alice registers, mistypes her password, signs in, signs out and signs in again; Bob only signs up and in. */
    @BeforeAll
    void twoJourneys() {
        String alice = uniqueEmail();
        String bob = uniqueEmail();
        assertThat(post("/api/auth/register", credentials(alice, PASSWORD), "User-Agent", AGENT).statusCode()).isEqualTo(201);
        assertThat(post("/api/auth/register", credentials(bob, PASSWORD), "User-Agent", AGENT).statusCode()).isEqualTo(201);
        assertThat(post("/api/auth/sign-in", credentials(alice, "not her password"), "User-Agent", AGENT).statusCode()).isEqualTo(401);
        assertThat(post("/api/auth/sign-in", credentials(uniqueEmail(), PASSWORD), "User-Agent", AGENT).statusCode()).isEqualTo(401);
        String first = signIn(alice);
        assertThat(post("/api/auth/sign-out", null, "Authorization", "Bearer " + first, "User-Agent", AGENT).statusCode()).isEqualTo(200);
        bobToken = signIn(bob);
        HttpResponse<String> last = post("/api/auth/sign-in", credentials(alice, PASSWORD), "User-Agent", AGENT);
        aliceToken = (String) body(last).get("session_token");
        aliceAccessToken = (String) body(last).get("access_token");
    }

    @Test
    void theCallersJourney_isListedNewestFirst_withItsClientAndOutcomes() {
        HttpResponse<String> response = events(aliceToken, "");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        Map<String, Object> body = body(response);
        assertThat(body).containsEntry("next_before", null);
        List<Map<String, Object>> events = list(body);
        assertThat(events).extracting(event -> event.get("type"))
                .containsExactly("signin_success", "signout", "signin_success", "signin_failed", "registration_success");
        assertThat(events).extracting(event -> event.get("outcome"))
                .containsExactly("success", "success", "success", "failure", "success");
        assertThat(events).extracting(event -> event.get("reason"))
                .containsExactly(null, null, null, "wrong_password", null);
        assertThat(events).allSatisfy(event -> {
            assertThat(event).containsOnlyKeys("id", "type", "occurred_at", "ip_address", "user_agent", "outcome", "reason");
            assertThat((String) event.get("id")).matches("[0-9a-f-]{36}");
            assertThat((String) event.get("occurred_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            assertThat(event).containsEntry("ip_address", "127.0.0.1").containsEntry("user_agent", AGENT);
        });
        assertThat(events).extracting(event -> (String) event.get("occurred_at")).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void anotherUsersEvents_neverAppear() {
        List<Map<String, Object>> bobs = list(body(events(bobToken, "")));
        List<Object> aliceIds = list(body(events(aliceToken, ""))).stream().map(event -> event.get("id")).toList();

        assertThat(bobs).extracting(event -> event.get("type")).containsExactly("signin_success", "registration_success");
        assertThat(bobs).extracting(event -> event.get("id")).doesNotContainAnyElementsOf(aliceIds);
    }

    @Test
    void pages_followNextBefore_untilTheLastOne_andSeeEveryEventOnce() {
        List<Object> everything = list(body(events(aliceToken, ""))).stream().map(event -> event.get("id")).toList();
        List<Object> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();

        String query = "?limit=2";
        for (int page = 0; page < 5 && query != null; page++) {
            Map<String, Object> body = body(events(aliceToken, query));
            list(body).forEach(event -> paged.add(event.get("id")));
            sizes.add(list(body).size());
            String next = (String) body.get("next_before");
            query = next == null ? null : "?limit=2&before=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        }

        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(paged).containsExactlyElementsOf(everything);
    }

    @Test
    void aCursorFromAnotherUsersList_stillShowsOnlyTheCallersEvents() {
        String aliceCursor = (String) body(events(aliceToken, "?limit=1")).get("next_before");

        List<Map<String, Object>> bobs = list(body(events(bobToken, "?before=" + aliceCursor)));

        List<Object> aliceIds = list(body(events(aliceToken, ""))).stream().map(event -> event.get("id")).toList();
        assertThat(bobs).extracting(event -> event.get("id")).doesNotContainAnyElementsOf(aliceIds);
    }

    @ParameterizedTest
    @ValueSource(strings = {"?limit=0", "?limit=101", "?limit=-1", "?limit=ten", "?limit=", "?limit=1.5"})
    void aLimitOutside1To100_isABadRequestNamingIt(String query) {
        assertBadParameter(events(aliceToken, query), "limit");
    }

    @Test
    void aBeforeThatIsNotAnIssuedCursor_isABadRequestNamingIt() {
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("yesterday_42".getBytes(StandardCharsets.US_ASCII));
        for (String before : List.of("garbage!", forged, "", "A".repeat(200))) {
            assertBadParameter(events(aliceToken, "?before=" + before), "before");
        }
    }

    @Test
    void anAccessToken_isEnoughToReadTheSameList() {
        assertThat(list(body(events(aliceAccessToken, "")))).isEqualTo(list(body(events(aliceToken, ""))));
    }

    @Test
    void withoutACredential_isUnauthorized() {
        HttpResponse<String> response = get("/api/auth/events");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(body(response)).containsEntry("code", "unauthenticated");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    private void assertBadParameter(HttpResponse<String> response, String parameter) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        Map<String, Object> body = body(response);
        assertThat(body).containsEntry("code", "invalid_request").containsKey("request_id");
        assertThat(body.get("errors").toString()).contains("field=" + parameter);
    }

    private HttpResponse<String> events(String token, String query) {
        return get("/api/auth/events" + query, "Authorization", "Bearer " + token);
    }

    private String signIn(String email) {
        HttpResponse<String> response = post("/api/auth/sign-in", credentials(email, PASSWORD), "User-Agent", AGENT);
        assertThat(response.statusCode()).isEqualTo(200);
        return (String) body(response).get("session_token");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("events");
    }
}
