package dev.authrag.bootstrap.metrics;

import dev.authrag.adapter.persistence.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** METRICS_PUBLIC takes true or false; anything else stops start-up with a message that names it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsSettingsTest {

    private final TestDatabase database = TestDatabase.create("MetricsSettingsTest");

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "public"})
    void aMalformedMetricsPublic_stopsStartUp_namingIt(String value) {
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("micronaut.server.port", "-1");
        properties.put("authrag.token.auth-secret", "test-secret-" + "x".repeat(40));
        properties.put("authrag.metrics.public-endpoint", value);
        ApplicationContext context = ApplicationContext.builder(properties).build();
        Throwable failure;
        try {
            failure = catchThrowable(() -> {
                context.start();
                context.getBean(EmbeddedServer.class).start();
            });
        } finally {
            // a context that failed half-way has scheduled jobs that would outlive the dropped database
            catchThrowable(context::stop);
        }

        assertThat(failure).as("METRICS_PUBLIC=" + value).isNotNull();
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        assertThat(messages.toString()).contains("METRICS_PUBLIC");
    }
}
