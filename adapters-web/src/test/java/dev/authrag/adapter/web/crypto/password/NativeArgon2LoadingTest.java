package dev.authrag.adapter.web.crypto.password;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Whatever goes wrong while the native library loads (any {@code LinkageError}, not only
 * {@code UnsatisfiedLinkError}, or a runtime failure) makes it unavailable, with the reason, instead of escaping: the
 * {@code auto} choice then hashes in Java.
 */
class NativeArgon2LoadingTest {

    @ParameterizedTest
    @ValueSource(strings = {"UnsatisfiedLinkError", "NoClassDefFoundError", "ExceptionInInitializerError", "LinkageError",
            "IllegalStateException"})
    void aFailureOfAnyKindWhileLoading_isUnavailableWithTheReason(String kind) {
        assumeTrue(NativeArgon2Required.builtForThisPlatform(), "the loader is only reached where the library was built");
        Throwable failure = switch (kind) {
            case "UnsatisfiedLinkError" -> new UnsatisfiedLinkError("no such symbol");
            case "NoClassDefFoundError" -> new NoClassDefFoundError("dev/example/Missing");
            case "ExceptionInInitializerError" -> new ExceptionInInitializerError("static init failed");
            case "LinkageError" -> new LinkageError("incompatible class change");
            default -> new IllegalStateException("odd loader");
        };

        assertThatThrownBy(() -> NativeArgon2.load(path -> {
            if (failure instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) failure;
        })).isInstanceOf(NativeArgon2.UnavailableException.class).hasMessageContaining(kind);
    }
}
