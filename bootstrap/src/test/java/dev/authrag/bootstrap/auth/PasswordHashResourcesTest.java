package dev.authrag.bootstrap.auth;

import dev.authrag.adapter.web.crypto.password.Argon2PasswordHasher.Cost;
import dev.authrag.adapter.web.crypto.password.Argon2id;
import dev.authrag.adapter.web.crypto.password.BouncyCastleArgon2;
import dev.authrag.bootstrap.settings.Setting.InvalidSettingException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Java Argon2id keeps about m KiB of heap per hashing thread: the threads are bounded by the heap (half of it),
 * the default lowered to what fits, an explicit value that cannot fit refused naming both settings. And whatever
 * error loading the native library raises, {@code auto} falls back to Java and {@code native} stops start-up.
 */
class PasswordHashResourcesTest {

    private static final long MIB = 1L << 20;
    private static final Cost OWASP = Cost.owasp(); // 19 MiB, so 20 MiB a Java thread
    private static final Argon2id JAVA = new BouncyCastleArgon2();
    private static final Argon2id NATIVE = new Argon2id() {
        @Override
        public byte[] hash(byte[] password, byte[] salt, Cost cost, int length) {
            return new byte[length];
        }

        @Override
        public String description() {
            return "Argon2id native (stand-in)";
        }
    };

    @Test
    void inJava_theDefaultThreads_areLoweredToWhatHalfTheHeapHolds() {
        assertThat(AuthFactory.hashThreads(null, 64, JAVA, OWASP, 256 * MIB)).isEqualTo(6);
        assertThat(AuthFactory.hashThreads("", 2, JAVA, OWASP, 256 * MIB)).isEqualTo(2);
        assertThat(AuthFactory.hashThreads(null, 4, JAVA, OWASP, 80 * MIB)).isEqualTo(2);
    }

    @Test
    void inJava_anExplicitThreadCountTheHeapCannotHold_stopsStartUpNamingBothSettings() {
        assertThatThrownBy(() -> AuthFactory.hashThreads("64", 2, JAVA, OWASP, 256 * MIB))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("PASSWORD_HASH_THREADS=64").hasMessageContaining("at most 6")
                .hasMessageContaining("-Xmx").hasMessageContaining("JAVA_OPTS");
        assertThat(AuthFactory.hashThreads("6", 2, JAVA, OWASP, 256 * MIB)).isEqualTo(6);
    }

    @Test
    void inJava_aHeapTooSmallForOneThread_stopsStartUpEvenWithTheDefault() {
        assertThatThrownBy(() -> AuthFactory.hashThreads(null, 2, JAVA, OWASP, 32 * MIB))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("PASSWORD_HASH_THREADS").hasMessageContaining("-Xmx");
    }

    @Test
    void natively_theHeapDoesNotBoundTheThreads() {
        assertThat(AuthFactory.hashThreads("64", 2, NATIVE, OWASP, 32 * MIB)).isEqualTo(64);
    }

    @Test
    void anyLinkageErrorLoadingTheNativeLibrary_fallsBackToJavaInAuto_andStopsStartUpInNative() {
        AuthFactory.NativeLoader broken = () -> {
            throw new NoClassDefFoundError("dev/authrag/adapter/web/crypto/password/NativeArgon2$Loading");
        };

        assertThat(AuthFactory.argon2id("auto", broken)).isInstanceOf(BouncyCastleArgon2.class);
        assertThat(AuthFactory.argon2id(null, () -> {
            throw new ExceptionInInitializerError("static init");
        })).isInstanceOf(BouncyCastleArgon2.class);
        assertThatThrownBy(() -> AuthFactory.argon2id("native", broken))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("PASSWORD_HASH_IMPLEMENTATION").hasMessageContaining("NoClassDefFoundError");
        assertThat(AuthFactory.argon2id("native", () -> NATIVE)).isSameAs(NATIVE);
    }
}
