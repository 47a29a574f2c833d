package dev.authrag.adapter.web.crypto.password;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The native Argon2id is optional: src/main/c/build.sh (run by the build in generate-resources) must never fail the
 * build. Without a compiler, or with one that fails, it prints one warning, leaves no library and exits 0.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the build runs build.sh with bash on Unix-like systems only")
class NativeBuildScriptTest {

    @TempDir
    Path out;

    @Test
    void aMissingCompiler_isOneWarning_noLibrary_andExit0() throws Exception {
        Result result = build("/nonexistent/gcc");

        assertThat(result.code()).as(result.output()).isZero();
        assertThat(warnings(result)).as(result.output()).hasSize(1);
        assertThat(libraries()).isEmpty();
    }

    @Test
    void aCompilerThatFails_isOneWarning_noLibrary_andExit0() throws Exception {
        Path failing = out.resolve("failing-gcc");
        Files.writeString(failing, "#!/bin/sh\necho 'fatal error: jni.h: No such file or directory' >&2\nexit 1\n");
        assertThat(failing.toFile().setExecutable(true)).isTrue();

        Result result = build(failing.toString());

        assertThat(result.code()).as(result.output()).isZero();
        assertThat(warnings(result)).as(result.output()).hasSize(1);
        assertThat(result.output()).doesNotContain("fatal error");
        assertThat(libraries()).isEmpty();
    }

    private record Result(int code, String output) {
    }

    private Result build(String compiler) throws IOException, InterruptedException {
        Path classes = Files.createDirectories(out.resolve("classes"));
        ProcessBuilder builder = new ProcessBuilder("bash", Path.of("src/main/c/build.sh").toAbsolutePath().toString(),
                System.getProperty("java.home"), classes.toString()).redirectErrorStream(true);
        builder.environment().put("CC", compiler);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static List<String> warnings(Result result) {
        return result.output().lines().filter(line -> line.startsWith("[WARNING] Native Argon2id not built")).toList();
    }

    private List<Path> libraries() throws IOException {
        Path directory = out.resolve("classes/native/linux-x86-64");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (var files = Files.list(directory)) {
            return files.toList();
        }
    }
}
