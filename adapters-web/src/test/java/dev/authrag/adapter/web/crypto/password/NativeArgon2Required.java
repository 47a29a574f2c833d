package dev.authrag.adapter.web.crypto.password;

import java.util.Locale;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Loads the native Argon2id for a test. Where the build put it on the class path (Linux x86-64 with gcc, unless
 * {@code -Dargon2.native.skip=true}), failing to load fails the test; where the build left it out (it printed a
 * warning saying why) the test is skipped saying why. CI checks that its build does include it (.ci/run).
 */
final class NativeArgon2Required {

    private NativeArgon2Required() {
    }

    static boolean builtForThisPlatform() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                && System.getProperty("os.arch", "").matches("amd64|x86_64")
                && !Boolean.getBoolean("argon2.native.skip")
                && NativeArgon2Required.class.getClassLoader().getResource("native/linux-x86-64/libauthrag-argon2.so") != null;
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
