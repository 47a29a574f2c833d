package dev.authrag.domain.user;

import java.util.Objects;

/** A password hash in PHC string format; opaque to the domain, and never printed. */
public record PasswordHash(String phc) {

    public PasswordHash {
        Objects.requireNonNull(phc, "password hash");
        if (!phc.startsWith("$")) {
            throw new IllegalArgumentException("a password hash is a PHC string");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}
