package dev.authrag.domain.token;

import java.time.Instant;
import java.util.Objects;

/**
 * What the rotation rules need to know about a signing key: its id, when it was made and its place in the
 * sequence of keys (generations are unique, so two instances cannot both add "the next" key).
 */
public record SigningKeyInfo(String keyId, int generation, Instant createdAt) {

    public SigningKeyInfo {
        Objects.requireNonNull(keyId, "kid");
        Objects.requireNonNull(createdAt, "created at");
        if (generation < 1) {
            throw new IllegalArgumentException("generations start at 1");
        }
    }
}
