package dev.authrag.domain.session;

import java.util.Objects;
import java.util.UUID;

/** A session's public identity: safe to show and to use in URLs, unlike its token. */
public record SessionId(UUID value) {

    public SessionId {
        Objects.requireNonNull(value, "session id");
    }

    public static SessionId random() {
        return new SessionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
