package dev.authrag.domain.ratelimit;

import dev.authrag.domain.user.Email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A bucket as stored: its kind and the SHA-256 (hex) of {@code "<policy name>:<subject>"}. An email address or a
 * client address is personal data, so only this hash is kept. Emails are normalised first (as {@link Email}
 * does), so that one mailbox is one bucket whether or not an account exists for it.
 */
public record BucketKey(Bucket bucket, String subjectHash) {

    private static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");

    public BucketKey {
        if (bucket == null || subjectHash == null || !HEX_256.matcher(subjectHash).matches()) {
            throw new IllegalArgumentException("a bucket key is a bucket and 64 lower-case hex digits");
        }
    }

    public static BucketKey of(Bucket bucket, String subject) {
        String normalised = switch (bucket) {
            case SIGNIN_EMAIL -> Email.normalise(subject);
            default -> subject == null ? "" : subject.strip();
        };
        return new BucketKey(bucket, sha256(bucket.policyName() + ":" + normalised));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "BucketKey[" + bucket.policyName() + ":" + subjectHash.substring(0, 8) + "...]";
    }
}
