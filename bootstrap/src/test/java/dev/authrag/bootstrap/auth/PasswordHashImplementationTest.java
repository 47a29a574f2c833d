package dev.authrag.bootstrap.auth;


import dev.authrag.adapter.persistence.testing.TestDatabase;
import dev.authrag.adapter.web.crypto.password.Argon2PasswordHasher;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * PASSWORD_HASH_IMPLEMENTATION picks the Argon2id behind registration and sign-in; a bad value, or {@code native}
 * where the build made no native library, stops start-up naming the variable. Passwords stored by one implementation
 * sign in with the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordHashImplementationTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String JAVA = "Argon2id BouncyCastle (Java)";
    private static final String NATIVE_PREFIX = "Argon2id native (";

    private final TestDatabase database = TestDatabase.create("PasswordHashImplementationTest");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @Test
    void java_startsTheServiceHashingWithBouncyCastle_andAccountsRegisterAndSignIn() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties("java"))) {
            assertThat(implementation(server)).isEqualTo(JAVA);
            assertRegistersAndSignsIn(server);
        }
    }

    @Test
    void native_whereTheBuildCompiledIt_startsTheServiceHashingNatively_andAccountsRegisterAndSignIn() {
        assumeTrue(nativeBuiltForThisPlatform(), "the build compiles the native Argon2id on Linux x86-64 only");

        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties("native"))) {
            assertThat(implementation(server)).startsWith(NATIVE_PREFIX);
            assertRegistersAndSignsIn(server);
        }
    }

    @Test
    void native_whereTheBuildMadeNoNativeLibrary_stopsStartUpNamingTheVariable() {
        assumeFalse(nativeBuiltForThisPlatform(), "the build compiled the native Argon2id for this platform");

        Throwable failure = startAndStop(properties("native"));

        assertThat(failure).isNotNull();
        assertThat(messages(failure)).contains("PASSWORD_HASH_IMPLEMENTATION");
    }

    @Test
    void byDefault_theServiceHashesNativelyWhereTheBuildCompiledIt_andInJavaElsewhere() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties(null))) {
            if (nativeBuiltForThisPlatform()) {
                assertThat(implementation(server)).startsWith(NATIVE_PREFIX);
            } else {
                assertThat(implementation(server)).isEqualTo(JAVA);
            }
        }
    }

    @Test
    void anAccountRegisteredWithOneImplementation_signsInWithTheOther() {
        assumeTrue(nativeBuiltForThisPlatform(), "the build compiles the native Argon2id on Linux x86-64 only");
        String registeredInJava = uniqueEmail();
        String registeredNatively = uniqueEmail();

        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties("java"))) {
            assertThat(post(server, "/api/auth/register", credentials(registeredInJava)).statusCode()).isEqualTo(201);
        }
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties("native"))) {
            assertThat(post(server, "/api/auth/sign-in", credentials(registeredInJava)).statusCode()).isEqualTo(200);
            assertThat(post(server, "/api/auth/register", credentials(registeredNatively)).statusCode()).isEqualTo(201);
        }
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties("java"))) {
            assertThat(post(server, "/api/auth/sign-in", credentials(registeredNatively)).statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "bouncycastle", "native,java"})
    void anUnknownValue_stopsStartUpNamingTheVariable(String value) {
        Throwable failure = startAndStop(properties(value));

        assertThat(failure).as("start-up with PASSWORD_HASH_IMPLEMENTATION=" + value).isNotNull();
        assertThat(messages(failure)).contains("PASSWORD_HASH_IMPLEMENTATION must be auto, native or java; got '" + value + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "-1s", "soon"})
    void aMaximumWaitThatIsNotAPositiveDuration_stopsStartUpNamingTheVariable(String value) {
        Map<String, Object> properties = properties(null);
        properties.put("authrag.auth.hash-max-wait", value);

        Throwable failure = startAndStop(properties);

        assertThat(failure).as("start-up with PASSWORD_HASH_MAX_WAIT=" + value).isNotNull();
        assertThat(messages(failure)).contains("PASSWORD_HASH_MAX_WAIT must be");
    }

    @Test
    void theMaximumWait_reachesTheHasher() {
        Map<String, Object> properties = properties(null);
        properties.put("authrag.auth.hash-max-wait", "250ms");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            assertThat(server.getApplicationContext().getBean(Argon2PasswordHasher.class).maxWait())
                    .isEqualTo(Duration.ofMillis(250));
        }
    }

    /** As in adapters-web's NativeArgon2Required: the build put the native library on the class path of Linux x86-64. */
    private static boolean nativeBuiltForThisPlatform() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                && System.getProperty("os.arch", "").matches("amd64|x86_64")
                && !Boolean.getBoolean("argon2.native.skip")
                && PasswordHashImplementationTest.class.getClassLoader().getResource("native/linux-x86-64/libauthrag-argon2.so") != null;
    }

    private void assertRegistersAndSignsIn(EmbeddedServer server) {
        String email = uniqueEmail();
        assertThat(post(server, "/api/auth/register", credentials(email)).statusCode()).isEqualTo(201);
        assertThat(post(server, "/api/auth/sign-in", credentials(email)).statusCode()).isEqualTo(200);
        assertThat(post(server, "/api/auth/sign-in", "{\"email\":\"" + email + "\",\"password\":\"wrong horse battery\"}")
                .statusCode()).isEqualTo(401);
    }

    private static String implementation(EmbeddedServer server) {
        return server.getApplicationContext().getBean(Argon2PasswordHasher.class).implementation();
    }

    private Map<String, Object> properties(String implementation) {
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("micronaut.server.port", "-1");
        properties.put("authrag.token.auth-secret", "test-secret-" + "x".repeat(40));
        properties.put("authrag.rate-limit.enabled", "false");
        if (implementation != null) {
            properties.put("authrag.auth.hash-implementation", implementation);
        }
        return properties;
    }

    /** Starts as {@code ApplicationContext.run} would, and always stops the context again (see StartupSettingsTest). */
    private static Throwable startAndStop(Map<String, Object> properties) {
        ApplicationContext context = ApplicationContext.builder(properties).build();
        try {
            return catchThrowable(() -> {
                context.start();
                context.getBean(EmbeddedServer.class).start();
            });
        } finally {
            catchThrowable(context::stop);
        }
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            all.append(cause.getMessage()).append('\n');
        }
        return all.toString();
    }

    private HttpResponse<String> post(EmbeddedServer server, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String uniqueEmail() {
        return "user-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    private static String credentials(String email) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
    }
}
