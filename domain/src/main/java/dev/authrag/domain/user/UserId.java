package dev.authrag.domain.user;

import java.util.Objects;
import java.util.UUID;

/** A user's stable identity. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "user id");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
