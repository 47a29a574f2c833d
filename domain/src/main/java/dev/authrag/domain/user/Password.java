package dev.authrag.domain.user;

import java.text.Normalizer;
import java.util.Objects;

/**
 * A plain-text password as typed, NFKC-normalised so that visually identical input hashes the same.
 * It never prints itself: {@link #toString()} is redacted so a stray log line cannot leak it.
 */
public final class Password {

    private final String value;

    private Password(String value) {
        this.value = value;
    }

    public static Password of(String raw) {
        Objects.requireNonNull(raw, "password");
        return new Password(Normalizer.normalize(raw, Normalizer.Form.NFKC));
    }

    /** The normalised characters, for the hasher and the policy only. */
    public String reveal() {
        return value;
    }

    /** Length in Unicode code points, as a person counts characters. */
    public int length() {
        return value.codePointCount(0, value.length());
    }

    @Override
    public String toString() {
        return "Password[redacted]";
    }
}
