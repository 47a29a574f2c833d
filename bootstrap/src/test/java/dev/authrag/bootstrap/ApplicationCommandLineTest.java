package dev.authrag.bootstrap;

import dev.authrag.bootstrap.settings.Setting;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The jar's main as a newcomer meets it: asking for help, and a mistyped LOG_LEVEL. */
class ApplicationCommandLineTest {

    private record Run(int code, String output) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void ingestHelp_printsTheUsage_andExits0_withoutADatabase(String flag) throws Exception {
        // an unreachable DATABASE_URL: help must not need one
        Run run = main(Map.of("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none"), "ingest", flag);

        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.output()).contains("usage: java -jar authrag.jar ingest");
    }

    @Test
    void aLogLevelThatIsNoLevel_stopsStartUpNamingTheVariable() throws Exception {
        Run run = main(Map.of("LOG_LEVEL", "verbose"));

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.output()).contains("LOG_LEVEL must be trace, debug, info, warn, error or off; got 'verbose'");
    }

    @Test
    void logLevel_acceptsTheLevelsInAnyCase_andDefaultsToInfo() {
        assertThat(LogLevel.check(null)).isEqualTo("info");
        assertThat(LogLevel.check("DEBUG")).isEqualTo("debug");
        assertThat(LogLevel.check("warn")).isEqualTo("warn");
        assertThatThrownBy(() -> LogLevel.check("")).isInstanceOf(Setting.InvalidSettingException.class);
    }

    private static Run main(Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Application.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> !name.equals("PATH") && !name.equals("HOME"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
