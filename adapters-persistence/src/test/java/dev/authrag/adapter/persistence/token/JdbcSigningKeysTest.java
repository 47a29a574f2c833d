package dev.authrag.adapter.persistence.token;

import dev.authrag.adapter.persistence.testing.OnTestDatabase;
import dev.authrag.adapter.persistence.testing.TestDatabase;
import dev.authrag.application.token.SigningKeys;
import dev.authrag.domain.token.SigningKeyInfo;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link SigningKeys} against PostgreSQL with the real migrations. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcSigningKeysTest implements OnTestDatabase {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00.123456Z");

    private final TestDatabase database = TestDatabase.create("signing_keys");

    @Inject
    JdbcSigningKeys keys;

    @Override
    public TestDatabase database() {
        return database;
    }

    @BeforeEach
    void emptyTheTable() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM signing_keys");
        }
    }

    @Test
    void all_withNoKey_isEmpty() {
        assertThat(keys.all()).isEmpty();
    }

    @Test
    void add_thenAll_returnsTheKeyWithEveryByteOfItsSealedPrivateHalf() {
        byte[] sealed = new byte[256];
        for (int i = 0; i < sealed.length; i++) {
            sealed[i] = (byte) i;
        }
        SigningKeys.Stored key = stored("kid-1", 1, T0, sealed);

        assertThat(keys.add(key)).isTrue();

        assertThat(keys.all()).containsExactly(key);
        SigningKeys.Stored read = keys.all().get(0);
        assertThat(read.sealedPrivateKey()).containsExactly(sealed);
        assertThat(read.info().createdAt()).isEqualTo(T0);
        assertThat(read.publicJwk()).isEqualTo(key.publicJwk());
    }

    @Test
    void add_aSecondKeyOfTheSameGeneration_isFalseAndKeepsTheFirst() {
        SigningKeys.Stored first = stored("kid-a", 1, T0, new byte[]{1, 2, 3});
        SigningKeys.Stored rival = stored("kid-b", 1, T0.plusSeconds(1), new byte[]{4, 5, 6});

        assertThat(keys.add(first)).isTrue();
        assertThat(keys.add(rival)).isFalse();

        assertThat(keys.all()).containsExactly(first);
    }

    @Test
    void add_theSameKeyIdTwice_isFalse() {
        assertThat(keys.add(stored("kid-a", 1, T0, new byte[]{1}))).isTrue();

        assertThat(keys.add(stored("kid-a", 2, T0.plusSeconds(1), new byte[]{2}))).isFalse();

        assertThat(keys.all()).extracting(key -> key.info().generation()).containsExactly(1);
    }

    @Test
    void all_isOrderedByGeneration() {
        keys.add(stored("kid-3", 3, T0.plusSeconds(3), new byte[]{3}));
        keys.add(stored("kid-1", 1, T0.plusSeconds(1), new byte[]{1}));
        keys.add(stored("kid-2", 2, T0.plusSeconds(2), new byte[]{2}));

        assertThat(keys.all()).extracting(key -> key.info().keyId()).containsExactly("kid-1", "kid-2", "kid-3");
    }

    private static SigningKeys.Stored stored(String kid, int generation, Instant createdAt, byte[] sealed) {
        String jwk = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"" + kid + "\",\"x\":\"x\",\"y\":\"y\"}";
        return new SigningKeys.Stored(new SigningKeyInfo(kid, generation, createdAt), jwk, sealed);
    }
}
