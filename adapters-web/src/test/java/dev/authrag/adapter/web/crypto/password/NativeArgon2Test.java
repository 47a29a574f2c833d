package dev.authrag.adapter.web.crypto.password;

import dev.authrag.adapter.web.crypto.password.Argon2PasswordHasher.Cost;
import dev.authrag.domain.user.Password;
import dev.authrag.domain.user.PasswordHash;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The native Argon2id against BouncyCastle's: the same bytes for every input, so stored hashes work with either. */
class NativeArgon2Test {

    private static final long SEED = 20_251_125L;

    private final BouncyCastleArgon2 bouncyCastle = new BouncyCastleArgon2();
    private NativeArgon2 nativeArgon2;

    /** In {@code @BeforeEach}, not {@code @BeforeAll}, so that a skip shows on every test with its reason. */
    @BeforeEach
    void load() {
        nativeArgon2 = NativeArgon2Required.load();
    }

    @Test
    void load_picksTheAvx2LibraryExactlyWhenTheCpuHasAvx2() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        assumeTrue(Files.isReadable(cpuinfo), "no /proc/cpuinfo to compare with");
        boolean avx2 = Pattern.compile("(?m)^flags\\s*:.*\\bavx2\\b").matcher(Files.readString(cpuinfo)).find();

        assertThat(nativeArgon2.description()).isEqualTo(avx2 ? "Argon2id native (avx2)" : "Argon2id native (baseline x86-64)");
    }

    @Test
    void hash_givesBouncyCastlesBytes_overRandomPasswordsSaltsLengthsAndCosts() {
        Random random = new Random(SEED);
        for (int i = 0; i < 300; i++) {
            int parallelism = 1 + random.nextInt(4);
            // any m from Argon2's minimum 8p, also ones that are no multiple of 4p (both round down alike)
            Cost cost = new Cost(8 * parallelism + random.nextInt(256), 1 + random.nextInt(4), parallelism);
            byte[] password = bytes(random, random.nextInt(130));
            byte[] salt = bytes(random, 8 + random.nextInt(57));
            // 4 is Argon2's shortest output; beyond 64 bytes the final hash is chained BLAKE2b blocks
            int length = 4 + random.nextInt(125);

            assertThat(nativeArgon2.hash(password, salt, cost, length))
                    .as("case %d: %s, password %s, salt %s, length %d", i, cost,
                            HexFormat.of().formatHex(password), HexFormat.of().formatHex(salt), length)
                    .isEqualTo(bouncyCastle.hash(password, salt, cost, length));
        }
    }

    @Test
    void hash_atOwaspCost_givesBouncyCastlesBytes() {
        byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
        byte[] salt = "authrag-fixed-16".getBytes(StandardCharsets.US_ASCII);

        assertThat(nativeArgon2.hash(password, salt, Cost.owasp(), 32))
                .isEqualTo(bouncyCastle.hash(password, salt, Cost.owasp(), 32));
    }

    @Test
    void hash_ofDifferentInputs_differs() {
        byte[] salt = "authrag-fixed-16".getBytes(StandardCharsets.US_ASCII);
        Cost cost = new Cost(64, 1, 1);
        byte[] a = nativeArgon2.hash("password123".getBytes(StandardCharsets.UTF_8), salt, cost, 32);

        assertThat(nativeArgon2.hash("password124".getBytes(StandardCharsets.UTF_8), salt, cost, 32)).isNotEqualTo(a);
        assertThat(nativeArgon2.hash("password123".getBytes(StandardCharsets.UTF_8), salt, new Cost(64, 2, 1), 32)).isNotEqualTo(a);
        assertThat(a).isNotEqualTo(new byte[32]);
    }

    @Test
    void aHashMadeByEitherImplementation_verifiesWithTheOther() {
        try (Argon2PasswordHasher withNative = new Argon2PasswordHasher(nativeArgon2, Cost.owasp(), 1, 4);
             Argon2PasswordHasher withJava = new Argon2PasswordHasher(bouncyCastle, Cost.owasp(), 1, 4)) {
            PasswordHash byNative = withNative.hash(Password.of("tranquil meadow lantern"));
            PasswordHash byJava = withJava.hash(Password.of("tranquil meadow lantern"));

            assertThat(withJava.verify(Password.of("tranquil meadow lantern"), byNative)).isTrue();
            assertThat(withNative.verify(Password.of("tranquil meadow lantern"), byJava)).isTrue();
            assertThat(withJava.verify(Password.of("tranquil meadow lanterns"), byNative)).isFalse();
            assertThat(withNative.verify(Password.of("tranquil meadow lanterns"), byJava)).isFalse();
        }
    }

    @Test
    void anArgon2ErrorCode_isAnException_notAHash() {
        byte[] password = "password123".getBytes(StandardCharsets.UTF_8);
        Cost cost = new Cost(64, 1, 1);

        assertThatThrownBy(() -> nativeArgon2.hash(password, new byte[4], cost, 32))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("native Argon2id failed with error -6: Salt is too short");
        assertThatThrownBy(() -> nativeArgon2.hash(password, new byte[16], cost, 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("native Argon2id failed with error -2: Output is too short");
    }

    @Test
    void anArgon2ErrorCode_reachesTheHashersCallerAsAnException() {
        // the hasher itself always makes 16-byte salts, so this wrapper hands argon2 one it refuses
        Argon2id failing = new Argon2id() {
            @Override
            public byte[] hash(byte[] password, byte[] salt, Cost cost, int length) {
                return nativeArgon2.hash(password, new byte[4], cost, length);
            }

            @Override
            public String description() {
                return "native with a salt too short";
            }
        };
        try (Argon2PasswordHasher hasher = new Argon2PasswordHasher(failing, new Cost(64, 1, 1), 1, 1)) {
            assertThatThrownBy(() -> hasher.hash(Password.of("password123")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasRootCauseMessage("native Argon2id failed with error -6: Salt is too short");
        }
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
