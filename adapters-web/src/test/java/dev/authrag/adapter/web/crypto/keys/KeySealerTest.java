package dev.authrag.adapter.web.crypto.keys;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeySealerTest {

    private static final String SECRET = "correct-horse-battery-staple-0123456789";
    private static final String OTHER_SECRET = "another-deployment-secret-abcdefghijklmn";
    private static final byte[] PRIVATE_JWK = "{\"kty\":\"EC\",\"d\":\"very-private\"}".getBytes(StandardCharsets.UTF_8);

    private final KeySealer sealer = new KeySealer(SECRET);

    @Test
    void sealThenOpen_returnsTheOriginalBytes() {
        byte[] sealed = sealer.seal(PRIVATE_JWK, "kid-1");

        assertThat(sealer.open(sealed, "kid-1")).containsExactly(PRIVATE_JWK);
    }

    @Test
    void aSealedKey_doesNotContainThePlaintext() {
        String sealed = new String(sealer.seal(PRIVATE_JWK, "kid-1"), StandardCharsets.ISO_8859_1);

        assertThat(sealed).doesNotContain("very-private");
    }

    @Test
    void aNewSealerWithTheSameSecret_opensWhatAnotherSealed() {
        byte[] sealed = sealer.seal(PRIVATE_JWK, "kid-1");

        assertThat(new KeySealer(SECRET).open(sealed, "kid-1")).containsExactly(PRIVATE_JWK);
    }

    @Test
    void anotherSecret_cannotOpenItAndTheMessageDoesNotQuoteEitherSecret() {
        byte[] sealed = sealer.seal(PRIVATE_JWK, "kid-1");

        assertThatThrownBy(() -> new KeySealer(OTHER_SECRET).open(sealed, "kid-1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AUTH_SECRET")
                .hasMessageContaining("kid-1")
                .message().doesNotContain(SECRET).doesNotContain(OTHER_SECRET);
    }

    @Test
    void anyAlteredByte_failsToOpen() {
        byte[] sealed = sealer.seal(PRIVATE_JWK, "kid-1");

        for (int i = 0; i < sealed.length; i++) {
            byte[] altered = sealed.clone();
            altered[i] ^= 0x01;
            int position = i;
            assertThatThrownBy(() -> sealer.open(altered, "kid-1")).as("byte %d", position)
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aTruncatedBlob_failsToOpenLikeAnAlteredOne() {
        byte[] sealed = sealer.seal(PRIVATE_JWK, "kid-1");

        assertThatThrownBy(() -> sealer.open(Arrays.copyOf(sealed, sealed.length - 1), "kid-1"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sealer.open(Arrays.copyOf(sealed, 5), "kid-1"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sealer.open(new byte[0], "kid-1"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSealedKeyMovedToAnotherKeyId_failsToOpen() {
        byte[] sealed = sealer.seal(PRIVATE_JWK, "kid-1");

        assertThatThrownBy(() -> sealer.open(sealed, "kid-2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void twoSealsOfTheSameKey_differ() {
        assertThat(sealer.seal(PRIVATE_JWK, "kid-1")).isNotEqualTo(sealer.seal(PRIVATE_JWK, "kid-1"));
    }

    @Test
    void aSecretShorterThan32Characters_isRejectedWithoutQuotingIt() {
        String shortSecret = "x".repeat(31);

        assertThatThrownBy(() -> new KeySealer(shortSecret))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AUTH_SECRET")
                .message().doesNotContain(shortSecret);
        assertThatThrownBy(() -> new KeySealer(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSecretOfExactly32Characters_isAccepted() {
        KeySealer minimal = new KeySealer("y".repeat(32));

        assertThat(minimal.open(minimal.seal(PRIVATE_JWK, "k"), "k")).containsExactly(PRIVATE_JWK);
    }
}
