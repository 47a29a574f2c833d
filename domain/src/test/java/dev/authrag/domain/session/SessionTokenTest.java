package dev.authrag.domain.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class SessionTokenTest {

    private static final String A_TOKEN = "dGhpcy1pcy1hLWZpeGVkLXRlc3QtdG9rZW4tMzJieXQ";

    private final SecureRandom random = new SecureRandom();

    @Test
    void generate_gives43Base64UrlCharacters() {
        assertThat(SessionToken.generate(random).reveal()).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void generate_carries256RandomBits() {
        byte[] decoded = Base64.getUrlDecoder().decode(SessionToken.generate(random).reveal());

        assertThat(decoded).hasSize(32);
    }

    @Test
    void generate_encodesTheBytesItDrew() {
        byte[] ones = new byte[32];
        Arrays.fill(ones, (byte) 0xFF);

        SessionToken token = SessionToken.generate(new FixedBytes((byte) 0xFF));

        assertThat(token.reveal()).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(ones))
                .isEqualTo("_".repeat(42) + "8");
    }

    @Test
    void generate_twice_givesDifferentTokens() {
        SessionToken first = SessionToken.generate(random);
        SessionToken second = SessionToken.generate(random);

        assertThat(first).isNotEqualTo(second);
        assertThat(first.hash()).isNotEqualTo(second.hash());
    }

    @Test
    void hash_isTheSha256HexOfTheToken() throws Exception {
        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(A_TOKEN.getBytes(StandardCharsets.US_ASCII)));

        assertThat(SessionToken.parse(A_TOKEN).orElseThrow().hash().hex()).isEqualTo(expected);
    }

    @Test
    void hash_ofAGeneratedToken_isTheSha256HexOfWhatTheClientGets() throws Exception {
        SessionToken token = SessionToken.generate(random);
        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(token.reveal().getBytes(StandardCharsets.US_ASCII)));

        assertThat(token.hash()).isEqualTo(new TokenHash(expected));
    }

    @Test
    void hash_isStable() {
        SessionToken token = SessionToken.generate(random);

        assertThat(token.hash()).isEqualTo(token.hash());
    }

    @Test
    void parse_acceptsWhatGenerateProduces() {
        SessionToken token = SessionToken.generate(random);

        assertThat(SessionToken.parse(token.reveal())).contains(token);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "dGhpcy1pcy1hLWZpeGVkLXRlc3QtdG9rZW4tMzJieX",
            "dGhpcy1pcy1hLWZpeGVkLXRlc3QtdG9rZW4tMzJieXQx",
            "dGhpcy1pcy1hLWZpeGVkLXRlc3QtdG9rZW4tMzJieX=",
            "dGhpcy1pcy1hLWZpeGVkLXRlc3QtdG9rZW4tMzJie+/",
            "dGhpcy1pcy1hLWZpeGVkLXRlc3QtdG9rZW4tMzJie X",
            " dGhpcy1pcy1hLWZpeGVkLXRlc3QtdG9rZW4tMzJieXQ",
            "dGhpcy1pcy1hLWZpeGVkLXRlc3QtdG9rZW4tMzJieXQ\n",
            "Bearer dGhpcy1pcy1hLWZpeGVkLXRlc3QtdG9rZW4t"
    })
    void parse_rejectsAnythingThatCannotBeOneOfOurs(String presented) {
        assertThat(SessionToken.parse(presented)).isEmpty();
    }

    @Test
    void toString_neverShowsTheToken() {
        SessionToken token = SessionToken.parse(A_TOKEN).orElseThrow();

        assertThat(token.toString()).isEqualTo("SessionToken[redacted]").doesNotContain(A_TOKEN);
    }

    @Test
    void equalTokens_areEqualAndHashAlike() {
        SessionToken one = SessionToken.parse(A_TOKEN).orElseThrow();
        SessionToken two = SessionToken.parse(A_TOKEN).orElseThrow();

        assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
    }

    /** Not a mock: a SecureRandom that always draws the same byte, so the encoding can be checked. */
    private static final class FixedBytes extends SecureRandom {
        private final byte value;

        FixedBytes(byte value) {
            this.value = value;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, value);
        }
    }
}
