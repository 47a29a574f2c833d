package dev.authrag.domain.ratelimit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BucketKeyTest {

    @Test
    void anEmailBucket_isTheSha256OfThePolicyAndTheNormalisedEmail() throws Exception {
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("signin-email:ada@example.com".getBytes(StandardCharsets.UTF_8)));

        assertThat(BucketKey.of(Bucket.SIGNIN_EMAIL, "  Ada@Example.COM ")).isEqualTo(new BucketKey(Bucket.SIGNIN_EMAIL, expected));
    }

    @Test
    void aMalformedEmail_stillHasItsOwnBucket() {
        assertThat(BucketKey.of(Bucket.SIGNIN_EMAIL, "Not An Email"))
                .isEqualTo(BucketKey.of(Bucket.SIGNIN_EMAIL, "not an email"))
                .isNotEqualTo(BucketKey.of(Bucket.SIGNIN_EMAIL, "someone-else"));
        assertThat(BucketKey.of(Bucket.SIGNIN_EMAIL, null)).isEqualTo(BucketKey.of(Bucket.SIGNIN_EMAIL, ""));
    }

    @Test
    void theSameSubject_inTwoBuckets_hasTwoKeys() {
        assertThat(BucketKey.of(Bucket.SIGNIN_IP, "203.0.113.7").subjectHash())
                .isNotEqualTo(BucketKey.of(Bucket.REGISTER_IP, "203.0.113.7").subjectHash());
    }

    @Test
    void onlyEmailsAreLowerCased() {
        assertThat(BucketKey.of(Bucket.CHAT_USER, "AbC")).isNotEqualTo(BucketKey.of(Bucket.CHAT_USER, "abc"));
    }

    @Test
    void neitherTheKeyNorItsTextShowTheSubject() {
        BucketKey key = BucketKey.of(Bucket.SIGNIN_EMAIL, "ada@example.com");

        assertThat(key.subjectHash()).matches("[0-9a-f]{64}");
        assertThat(key.toString()).doesNotContain("ada").startsWith("BucketKey[signin-email:");
    }

    @Test
    void aHashThatIsNotSha256Hex_isRejected() {
        assertThatThrownBy(() -> new BucketKey(Bucket.SIGNIN_IP, "ada@example.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BucketKey(null, "a".repeat(64))).isInstanceOf(IllegalArgumentException.class);
    }
}
