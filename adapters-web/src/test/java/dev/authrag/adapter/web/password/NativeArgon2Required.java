package dev.authrag.adapter.web.password;

import java.util.Locale;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Loads the native Argon2id for a test. On Linux x86-64 the build compiled it (unless {@code -Dargon2.native.skip=true}),
 * so failing to load fails the test; elsewhere there is none, and the test is skipped saying why.
 */
final class NativeArgon2Required {

    private NativeArgon2Required() {
    }

    static boolean builtForThisPlatform() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                && System.getProperty("os.arch", "").matches("amd64|x86_64")
                && !Boolean.getBoolean("argon2.native.skip");
    }

    static NativeArgon2 load() {
        try {
            return NativeArgon2.load();
        } catch (NativeArgon2.UnavailableException e) {
            if (builtForThisPlatform()) {
                return fail("the build compiles the native Argon2id on Linux x86-64, so it must load here: " + e.getMessage());
            }
            return abort("no native Argon2id to test: " + e.getMessage());
        }
    }
}
