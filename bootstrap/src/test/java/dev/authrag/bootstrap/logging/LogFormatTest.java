package dev.authrag.bootstrap.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import dev.authrag.bootstrap.LogFormat;
import dev.authrag.bootstrap.settings.Setting;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The production logback.xml, loaded into a context of its own with LOG_FORMAT set, writes the promised format. */
class LogFormatTest {

    @Test
    void unset_isJson() {
        assertThat(LogFormat.check(null)).isEqualTo("json");
    }

    @Test
    void jsonAndText_areAccepted() {
        assertThat(LogFormat.check("json")).isEqualTo("json");
        assertThat(LogFormat.check("text")).isEqualTo("text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "xml", "JSON", " text", "logstash"})
    void anythingElse_stopsStartUpNamingTheVariable(String value) {
        assertThatThrownBy(() -> LogFormat.check(value)).isInstanceOf(Setting.InvalidSettingException.class)
                .hasMessageContaining("LOG_FORMAT").hasMessageContaining("json or text");
    }

    @Test
    @SuppressWarnings("unchecked")
    void json_writesOneFlatObjectWithTheFormattedMessage() throws Exception {
        String output = logThrough("json");

        assertThat(output.strip()).doesNotContain("\n");
        Map<String, Object> line = JsonMapper.createDefault().readValue(output, Map.class);
        assertThat(line).containsEntry("message", "signed in 3 times").containsEntry("level", "INFO")
                .containsEntry("logger", "dev.authrag.probe").containsEntry("request_id", "req-9")
                .containsEntry("user_id", "u-1").containsEntry("event", "signin_success")
                .containsKeys("timestamp", "thread").doesNotContainKeys("@version", "level_value", "mdc");
        assertThat((String) line.get("timestamp")).endsWith("Z");
    }

    @Test
    void text_writesAReadableLineWithTheRequestAndUser() {
        String output = logThrough("text");

        assertThat(output).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO  \\[req-9] \\[u-1] "
                + "dev\\.authrag\\.probe - signed in 3 times event=\"signin_success\"\\R");
    }

    private static String logThrough(String format) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            // a fresh context has no MDC of its own: share the one org.slf4j.MDC writes to
            context.setMDCAdapter(((LoggerContext) LoggerFactory.getILoggerFactory()).getMDCAdapter());
            context.putProperty("LOG_FORMAT", format);
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
            MDC.put("request_id", "req-9");
            MDC.put("user_id", "u-1");
            context.getLogger("dev.authrag.probe").atInfo().addKeyValue("event", "signin_success").log("signed in {} times", 3);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            MDC.clear();
            context.stop();
            System.setOut(original);
        }
        // System.out is the whole test JVM's: a job of another test class's context may print meanwhile
        return captured.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains("dev.authrag.probe"))
                .map(line -> line + "\n").collect(java.util.stream.Collectors.joining());
    }
}
