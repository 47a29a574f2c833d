package dev.authrag.domain.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When signing keys are made, used and withdrawn. A new key is published at once but signs only after
 * {@code publishAhead} (the JWKS cache lifetime), so verifiers that cached the key set already know it; a key
 * that stopped signing stays published until every token it signed has expired.
 *
 * @param rotationPeriod how long a key is the newest before another is made
 * @param publishAhead   how long a new key is published before it signs
 * @param tokenLifetime  the longest an access token lives, plus clock skew
 */
public record KeyRotationPolicy(Duration rotationPeriod, Duration publishAhead, Duration tokenLifetime) {

    private static final Comparator<SigningKeyInfo> BY_GENERATION = Comparator.comparingInt(SigningKeyInfo::generation);

    public KeyRotationPolicy {
        Objects.requireNonNull(rotationPeriod, "rotation period");
        Objects.requireNonNull(publishAhead, "publish ahead");
        Objects.requireNonNull(tokenLifetime, "token lifetime");
        if (rotationPeriod.compareTo(publishAhead.plus(tokenLifetime)) <= 0) {
            throw new IllegalArgumentException("the rotation period must exceed the publication delay plus the token lifetime");
        }
    }

    /** True when there is no key yet, or the newest is older than the rotation period. */
    public boolean needsNewKey(List<SigningKeyInfo> keys, Instant now) {
        return newest(keys).map(key -> !now.isBefore(key.createdAt().plus(rotationPeriod))).orElse(true);
    }

    /** The generation a new key gets. */
    public int nextGeneration(List<SigningKeyInfo> keys) {
        return newest(keys).map(key -> key.generation() + 1).orElse(1);
    }

    /**
     * The key that signs now: the newest one published long enough ago; the newest at all when none is
     * (the very first key, which no verifier can have cached yet).
     */
    public Optional<SigningKeyInfo> signingKey(List<SigningKeyInfo> keys, Instant now) {
        return keys.stream()
                .filter(key -> !now.isBefore(key.createdAt().plus(publishAhead)))
                .max(BY_GENERATION)
                .or(() -> newest(keys));
    }

    /** The keys verifiers need now: the signing key, newer ones (published ahead) and older ones with live tokens. */
    public List<SigningKeyInfo> publishedKeys(List<SigningKeyInfo> keys, Instant now) {
        Optional<SigningKeyInfo> signing = signingKey(keys, now);
        return keys.stream()
                .filter(key -> signing.isEmpty() || key.generation() >= signing.get().generation()
                        || stillVerifies(key, keys, now))
                .sorted(BY_GENERATION.reversed())
                .toList();
    }

    /** An older key verifies until the tokens it signed before its successor took over have expired. */
    private boolean stillVerifies(SigningKeyInfo key, List<SigningKeyInfo> keys, Instant now) {
        return keys.stream()
                .filter(other -> other.generation() > key.generation())
                .min(BY_GENERATION)
                .map(successor -> now.isBefore(successor.createdAt().plus(publishAhead).plus(tokenLifetime)))
                .orElse(true);
    }

    private static Optional<SigningKeyInfo> newest(List<SigningKeyInfo> keys) {
        return keys.stream().max(BY_GENERATION);
    }
}
