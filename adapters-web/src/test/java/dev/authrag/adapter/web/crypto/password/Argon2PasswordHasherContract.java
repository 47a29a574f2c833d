package dev.authrag.adapter.web.crypto.password;

import dev.authrag.application.auth.HashingOverloadedException;

import dev.authrag.adapter.web.crypto.password.Argon2PasswordHasher.Cost;
import dev.authrag.domain.user.Password;
import dev.authrag.domain.user.PasswordHash;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@link Argon2PasswordHasher} does with any {@link Argon2id} implementation, run with each of them. Real
 * Argon2id hashes, kept few: each costs milliseconds to tens of milliseconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class Argon2PasswordHasherContract {

    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final String SALT_22 = "c29tZXNhbHRzb21lc2FsdA";
    private static final String HASH_43 = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    private Argon2PasswordHasher hasher;
    private PasswordHash password123;

    /** The implementation under test; skips the class (an assumption) where it cannot run. */
    protected abstract Argon2id argon2();

    /** Once per class; in {@code @BeforeEach} so that a skip (see {@link #argon2()}) shows on every test, with its reason. */
    @BeforeEach
    void hashOnce() {
        Argon2id argon2 = argon2();
        if (hasher == null) {
            hasher = new Argon2PasswordHasher(argon2, Cost.owasp(), 2, 16);
            password123 = hasher.hash(Password.of("password123"));
        }
    }

    @AfterAll
    void closeHasher() {
        if (hasher != null) {
            hasher.close();
        }
    }

    @Test
    void implementation_namesTheArgon2idInUse() {
        assertThat(hasher.implementation()).isEqualTo(argon2().description());
    }

    @Test
    void hash_writesAnArgon2idPhcStringWithOwaspCost() {
        assertThat(password123.phc())
                .matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void verify_withTheRightPassword_isTrue() {
        assertThat(hasher.verify(Password.of("password123"), password123)).isTrue();
    }

    @Test
    void verify_withAWrongPassword_isFalse() {
        assertThat(hasher.verify(Password.of("password124"), password123)).isFalse();
    }

    @Test
    void verify_ofAFullWidthSpelling_matchesTheAsciiPasswordAfterNfkc() {
        assertThat(hasher.verify(Password.of("ｐａｓｓｗｏｒｄ１２３"), password123)).isTrue();
    }

    @Test
    void hash_ofOnePasswordTwice_differsByItsSalt() {
        PasswordHash again = hasher.hash(Password.of("password123"));

        assertThat(again.phc()).isNotEqualTo(password123.phc());
        assertThat(salt(again)).isNotEqualTo(salt(password123));
    }

    @Test
    void verify_ofAnIndependentlyComputedTestVector_isTrue_andOneFlippedBitIsFalse() {
        byte[] salt = "authrag-fixed-16".getBytes(StandardCharsets.US_ASCII);
        byte[] expected = new byte[32];
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(19456)
                .withIterations(2)
                .withParallelism(1)
                .withSalt(salt)
                .build());
        generator.generateBytes("correct horse battery staple".getBytes(StandardCharsets.UTF_8), expected);
        String prefix = "$argon2id$v=19$m=19456,t=2,p=1$" + B64.encodeToString(salt) + "$";
        PasswordHash vector = new PasswordHash(prefix + B64.encodeToString(expected));
        byte[] flipped = expected.clone();
        flipped[7] ^= 0x01;
        PasswordHash tampered = new PasswordHash(prefix + B64.encodeToString(flipped));

        assertThat(hasher.verify(Password.of("correct horse battery staple"), vector)).isTrue();
        assertThat(hasher.verify(Password.of("correct horse battery staple"), tampered)).isFalse();
    }

    @Test
    void needsRehash_ofTheCurrentCost_isFalse() {
        assertThat(hasher.needsRehash(password123)).isFalse();
        assertThat(hasher.needsRehash(phc("m=19456,t=2,p=1"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"m=65536,t=2,p=1", "m=19456,t=3,p=1", "m=19456,t=2,p=2"})
    void needsRehash_ofAnotherCost_isTrue(String params) {
        assertThat(hasher.needsRehash(phc(params))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "$2b$12$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234",
            "$argon2i$v=19$m=19456,t=2,p=1$" + SALT_22 + "$" + HASH_43,
            "$argon2id$v=16$m=19456,t=2,p=1$" + SALT_22 + "$" + HASH_43,
            "$argon2id$v=19$m=19456,t=2,p=1$" + SALT_22,
            "$argon2id$v=19$m=19456,t=2,p=1$$" + HASH_43,
            "$"})
    void needsRehash_ofAMalformedString_isTrue(String malformed) {
        assertThat(hasher.needsRehash(new PasswordHash(malformed))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "$2b$12$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234",
            "$argon2i$v=19$m=19456,t=2,p=1$" + SALT_22 + "$" + HASH_43,
            "$argon2id$v=19$m=19456,t=2,p=1$" + SALT_22,
            "$argon2id$v=19$m=19456,t=2,p=1$not*base64*salt$" + HASH_43,
            // shaped like PHC, but the salt's length is no base64 length
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb$" + HASH_43,
            // shaped like PHC, but no Argon2id cost
            "$argon2id$v=19$m=1,t=2,p=1$" + SALT_22 + "$" + HASH_43,
            "$argon2id$v=19$m=19456,t=0,p=1$" + SALT_22 + "$" + HASH_43,
            "$argon2id$v=19$m=19456,t=2,p=0$" + SALT_22 + "$" + HASH_43,
            "$"})
    void verify_ofAMalformedString_isFalseNotAnException(String malformed) {
        assertThat(hasher.verify(Password.of("password123"), new PasswordHash(malformed))).isFalse();
    }

    @Test
    void hash_beyondOneThreadAndAQueueOfOne_shedsTheExcessWithHashingOverloaded() throws Exception {
        int callers = 8;
        // a dearer cost than OWASP's so the one thread is surely still busy while the others arrive
        try (Argon2PasswordHasher small = new Argon2PasswordHasher(argon2(), new Cost(65536, 3, 1), 1, 1)) {
            ExecutorService clients = Executors.newFixedThreadPool(callers);
            try {
                CountDownLatch ready = new CountDownLatch(callers);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<PasswordHash>> outcomes = new ArrayList<>();
                for (int i = 0; i < callers; i++) {
                    outcomes.add(clients.submit(() -> {
                        ready.countDown();
                        go.await();
                        return small.hash(Password.of("password123"));
                    }));
                }
                ready.await(10, TimeUnit.SECONDS);
                go.countDown();

                int succeeded = 0;
                int shed = 0;
                for (Future<PasswordHash> outcome : outcomes) {
                    try {
                        assertThat(outcome.get(60, TimeUnit.SECONDS).phc()).startsWith("$argon2id$v=19$m=65536,t=3,p=1$");
                        succeeded++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(HashingOverloadedException.class);
                        shed++;
                    }
                }
                assertThat(succeeded).isBetween(1, callers - 1);
                assertThat(shed).isBetween(1, callers - 1);
                assertThat(succeeded + shed).isEqualTo(callers);
            } finally {
                clients.shutdownNow();
            }
        }
    }

    @Test
    void close_makesLaterHashesAndVerificationsFail() {
        Argon2PasswordHasher closed = new Argon2PasswordHasher(argon2(), Cost.owasp(), 1, 1);
        closed.close();

        assertThatThrownBy(() -> closed.hash(Password.of("password123")))
                .isInstanceOf(HashingOverloadedException.class);
        assertThatThrownBy(() -> closed.verify(Password.of("password123"), password123))
                .isInstanceOf(HashingOverloadedException.class);
    }

    @Test
    void cost_belowArgon2Minimums_isRejected() {
        assertThatThrownBy(() -> new Cost(7, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Cost(19456, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Cost(19456, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static PasswordHash phc(String params) {
        return new PasswordHash("$argon2id$v=19$" + params + "$" + SALT_22 + "$" + HASH_43);
    }

    private static String salt(PasswordHash hash) {
        return hash.phc().split("\\$")[4];
    }
}
