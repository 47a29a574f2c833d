package dev.authrag.bootstrap.docs;

import dev.authrag.bootstrap.support.HttpTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document served at /openapi.yml, read over HTTP without a credential, agrees with ../shared/CONTRACT.md:
 * every route with its method and credentials, the documented errors as problem+json, snake_case field names.
 */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class OpenApiDocumentTest extends HttpTestSupport {

    private static final List<String> SESSION = List.of("session_cookie", "session_bearer");
    private static final List<String> ANY = List.of("session_cookie", "session_bearer", "access_token");
    private static final List<String> NONE = List.of();

    /** CONTRACT.md's route table, plus the chat conversation routes of README: method, path, credentials. */
    private record Route(String method, String path, List<String> credentials) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    private static final List<Route> CONTRACT = List.of(
            new Route("get", "/health", NONE),
            new Route("get", "/health/liveness", NONE),
            new Route("get", "/health/readiness", NONE),
            new Route("post", "/api/auth/register", NONE),
            new Route("post", "/api/auth/sign-in", NONE),
            new Route("post", "/api/auth/sign-out", SESSION),
            new Route("get", "/api/auth/verify", ANY),
            new Route("post", "/api/auth/token", SESSION),
            new Route("get", "/api/auth/sessions", ANY),
            new Route("delete", "/api/auth/sessions/{id}", ANY),
            new Route("post", "/api/auth/sessions/revoke-others", SESSION),
            new Route("post", "/api/auth/change-password", SESSION),
            new Route("get", "/api/auth/events", ANY),
            new Route("get", "/.well-known/jwks.json", NONE),
            new Route("post", "/api/chat/message", ANY),
            new Route("get", "/api/chat/status", NONE),
            new Route("get", "/api/chat/conversations", ANY),
            new Route("get", "/api/chat/conversations/{id}/messages", ANY),
            new Route("delete", "/api/chat/conversations/{id}", ANY),
            new Route("get", "/openapi.yml", NONE),
            new Route("get", "/openapi.json", NONE),
            new Route("get", "/docs", NONE));

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    @Test
    void theDocument_isPublicOpenApi3Yaml() {
        HttpResponse<String> response = get("/openapi.yml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
        assertThat((String) document().get("openapi")).startsWith("3.");
    }

    @Test
    void everyContractRoute_isDocumented_withTheCredentialsItAccepts() {
        Map<String, Object> paths = map(document(), "paths");
        List<String> problems = new ArrayList<>();
        for (Route route : CONTRACT) {
            Map<String, Object> operation = paths.containsKey(route.path()) ? map(map(paths, route.path()), route.method()) : null;
            if (operation == null) {
                problems.add(route + " is missing");
                continue;
            }
            List<String> schemes = new ArrayList<>();
            for (Object requirement : list(operation.get("security"))) {
                schemes.addAll(((Map<String, Object>) requirement).keySet());
            }
            if (!schemes.equals(route.credentials())) {
                problems.add(route + " accepts " + schemes + ", the contract says " + route.credentials());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theSecuritySchemes_areTheCookieTheSessionTokenAndTheJwt() {
        Map<String, Object> schemes = map(map(document(), "components"), "securitySchemes");

        assertThat(map(schemes, "session_cookie")).containsEntry("type", "apiKey").containsEntry("in", "cookie")
                .containsEntry("name", "session_token");
        assertThat(map(schemes, "session_bearer")).containsEntry("type", "http").containsEntry("scheme", "bearer");
        assertThat(map(schemes, "access_token")).containsEntry("type", "http").containsEntry("scheme", "bearer")
                .containsEntry("bearerFormat", "JWT");
    }

    @Test
    void theContractsErrorStatuses_areDocumentedAsProblems() {
        assertProblem("post", "/api/auth/sign-in", "400", "401", "415", "429");
        assertProblem("post", "/api/auth/register", "400", "409", "415", "429");
        assertProblem("post", "/api/auth/sign-out", "401", "403");
        assertProblem("post", "/api/auth/token", "401", "403", "429");
        assertProblem("delete", "/api/auth/sessions/{id}", "403");
        assertProblem("get", "/api/auth/verify", "401");
        assertProblem("delete", "/api/auth/sessions/{id}", "404");
        assertProblem("post", "/api/auth/change-password", "400", "401", "403", "415", "429");
        assertProblem("post", "/api/chat/message", "400", "401", "403", "404", "415", "429", "503");
        assertThat(headers("post", "/api/auth/change-password", "429")).containsKeys("Retry-After", "RateLimit", "RateLimit-Policy");
        assertThat(headers("post", "/api/auth/sign-in", "429")).containsKeys("Retry-After", "RateLimit", "RateLimit-Policy");
        assertThat(headers("get", "/api/auth/verify", "401")).containsKey("WWW-Authenticate");
        assertThat(headers("post", "/api/auth/sign-in", "200")).containsKey("Set-Cookie");
        assertThat(map(responses("post", "/api/auth/register"), "201")).containsKey("content");
        assertThat(responses("delete", "/api/auth/sessions/{id}")).containsKey("204").doesNotContainKey("200");
    }

    @Test
    void theProblemSchema_carriesTheStableCodeAndTheRequestId() {
        Map<String, Object> problem = schema("Problem");

        assertThat(map(problem, "properties")).containsKeys("type", "title", "status", "detail", "code", "request_id", "errors");
        assertThat(list(problem.get("required"))).contains("code", "request_id", "status", "detail");
    }

    @Test
    void bodies_areSnakeCase_asTheWireIs() {
        assertThat(map(schema("AuthMessages.SignInResponse"), "properties"))
                .containsKeys("user_id", "session_token", "access_token", "token_type", "expires_in", "session");
        assertThat(list(schema("AuthMessages.SignInRequest").get("required"))).containsExactlyInAnyOrder("email", "password");
        assertThat(list(schema("SessionMessages.ChangePasswordRequest").get("required")))
                .containsExactlyInAnyOrder("current_password", "new_password");
        assertThat(map(schema("ChatMessages.MessageResponse"), "properties"))
                .containsKeys("user_message_id", "response", "response_message_id", "conversation_id", "sources", "timestamp");

        Set<String> notSnake = new TreeSet<>();
        map(map(document(), "components"), "schemas").forEach((name, schema) -> {
            Object properties = ((Map<String, Object>) schema).get("properties");
            if (properties != null) {
                ((Map<String, Object>) properties).keySet().stream()
                        .filter(field -> !SNAKE_CASE.matcher(field).matches())
                        .forEach(field -> notSnake.add(name + "." + field));
            }
        });
        assertThat(notSnake).isEmpty();
    }

    @Test
    void theJsonVariant_isTheSameDocument() {
        HttpResponse<String> response = get("/openapi.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        // JSON is YAML: one parser for both, so number types compare equal
        assertThat(yaml(response.body())).isEqualTo(document());
    }

    @Test
    void theDocsPage_rendersTheDocumentWithTheBundledRedoc_underItsOwnPolicy() {
        HttpResponse<String> page = get("/docs");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("spec-url=\"openapi.yml\"").contains("src=\"docs/redoc.standalone.js\"")
                .doesNotContain("http://").doesNotContain("https://");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("script-src 'self'").contains("connect-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-eval"));

        HttpResponse<String> script = get("/docs/redoc.standalone.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
        assertThat(script.body().length()).isGreaterThan(100_000);
    }

    @Test
    void otherResponses_keepTheStrictPolicy() {
        assertThat(get("/openapi.yml").headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; frame-ancestors 'none'");
    }

    private void assertProblem(String method, String path, String... statuses) {
        Map<String, Object> responses = responses(method, path);
        for (String status : statuses) {
            assertThat(responses).as(method + " " + path).containsKey(status);
            Map<String, Object> content = map(map(responses, status), "content");
            assertThat(content).as(method + " " + path + " " + status).containsKey("application/problem+json");
            assertThat(map(map(content, "application/problem+json"), "schema"))
                    .containsEntry("$ref", "#/components/schemas/Problem");
        }
    }

    private Map<String, Object> headers(String method, String path, String status) {
        return map(map(responses(method, path), status), "headers");
    }

    private Map<String, Object> responses(String method, String path) {
        return map(map(map(map(document(), "paths"), path), method), "responses");
    }

    private Map<String, Object> schema(String name) {
        return map(map(map(document(), "components"), "schemas"), name);
    }

    private Map<String, Object> document() {
        HttpResponse<String> response = get("/openapi.yml");
        assertThat(response.statusCode()).isEqualTo(200);
        return yaml(response.body());
    }

    private static Map<String, Object> yaml(String text) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}
