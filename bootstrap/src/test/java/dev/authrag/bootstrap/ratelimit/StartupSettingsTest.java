package dev.authrag.bootstrap.ratelimit;

import dev.authrag.adapter.persistence.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A malformed rate-limit, proxy or CORS setting stops start-up with a message that names its variable. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StartupSettingsTest {

    private final TestDatabase database = TestDatabase.create("StartupSettingsTest");

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @Test
    void theSameProperties_withoutAMalformedValue_startTheService() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, validProperties())) {
            assertThat(server.isRunning()).isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "authrag.rate-limit.enabled          | maybe         | RATE_LIMIT_ENABLED",
            "authrag.rate-limit.signin-per-ip    | ten per hour  | RATE_LIMIT_SIGNIN_PER_IP",
            "authrag.rate-limit.signin-per-email | 5             | RATE_LIMIT_SIGNIN_PER_EMAIL",
            "authrag.rate-limit.register-per-ip  | 0/1h          | RATE_LIMIT_REGISTER_PER_IP",
            "authrag.rate-limit.register-per-ip  | 10/500ms      | RATE_LIMIT_REGISTER_PER_IP",
            "authrag.rate-limit.chat-per-user    | 10/          | RATE_LIMIT_CHAT_PER_USER",
            "authrag.edge.trusted-proxy-hops     | -1            | TRUSTED_PROXY_HOPS",
            "authrag.edge.trusted-proxy-hops     | one           | TRUSTED_PROXY_HOPS",
            "authrag.edge.cors-allowed-origins   | *             | CORS_ALLOWED_ORIGINS",
            "authrag.edge.cors-allowed-origins   | example.com   | CORS_ALLOWED_ORIGINS"})
    void aMalformedSetting_stopsStartUp_namingItsVariable(String property, String value, String variable) {
        Map<String, Object> properties = validProperties();
        properties.put(property, value);

        Throwable failure = startAndStop(properties);

        assertThat(failure).as("start-up with " + property + "=" + value).isNotNull();
        assertThat(messages(failure)).contains(variable);
    }

    /**
     * Starts the service as {@code ApplicationContext.run} would, and always stops the context again: one that
     * failed half-way has already scheduled jobs, which would otherwise keep running against a dropped database
     * and write into other tests' captured logs.
     */
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

    private Map<String, Object> validProperties() {
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("micronaut.server.port", "-1");
        properties.put("authrag.token.auth-secret", "test-secret-" + "x".repeat(40));
        properties.put("authrag.edge.cors-allowed-origins", "https://app.example.com");
        properties.put("authrag.edge.trusted-proxy-hops", "2");
        return properties;
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            all.append(cause.getMessage()).append('\n');
        }
        return all.toString();
    }
}
