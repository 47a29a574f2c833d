package dev.authrag.adapter.web.crypto.password;

import dev.authrag.adapter.web.crypto.password.Argon2PasswordHasher.Cost;
import dev.authrag.domain.user.Password;
import dev.authrag.domain.user.PasswordHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored hash whose cost is above the verify bound (m 256 MiB, t 10, p 16) is refused as a wrong password without
 * being hashed; one at the bound is hashed. The Argon2id here only records what it was asked, so the test proves
 * what reached the hash function, not how long it took.
 */
class StoredCostBoundsTest {

    private static final String SALT_AND_HASH = "$c29tZXNhbHRzb21lc2FsdA$BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";

    private final List<Cost> hashed = new ArrayList<>();
    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher(new Argon2id() {
        @Override
        public synchronized byte[] hash(byte[] password, byte[] salt, Cost cost, int length) {
            hashed.add(cost);
            return new byte[length];
        }

        @Override
        public String description() {
            return "recording";
        }
    }, Cost.owasp(), 1, 4);

    @AfterEach
    void close() {
        hasher.close();
    }

    @ParameterizedTest
    @CsvSource({
            "262144, 10, 16, true",
            "262145, 2, 1, false",
            "9999999, 2, 1, false",
            "19456, 11, 1, false",
            "19456, 999, 1, false",
            "19456, 2, 17, false",
            "65536, 3, 4, true"})
    void aStoredCostAboveTheBound_isRefusedUnhashed(int memoryKiB, int iterations, int parallelism, boolean hashes) {
        PasswordHash stored = new PasswordHash("$argon2id$v=19$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism
                + SALT_AND_HASH);

        boolean verified = hasher.verify(Password.of("correct horse battery"), stored);

        assertThat(verified).isFalse();
        assertThat(hashed).as("costs given to Argon2id")
                .isEqualTo(hashes ? List.of(new Cost(memoryKiB, iterations, parallelism)) : List.of());
    }
}
