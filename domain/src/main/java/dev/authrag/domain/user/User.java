package dev.authrag.domain.user;

import dev.authrag.domain.auth.AuthException;
import dev.authrag.domain.auth.AuthException.Reason;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A registered account. Immutable: changes return a new instance. */
public final class User {

    public static final int MAX_NAME_LENGTH = 100;

    private final UserId id;
    private final Email email;
    private final String name;
    private final PasswordHash passwordHash;
    private final Instant createdAt;
    private final Instant updatedAt;

    private User(UserId id, Email email, String name, PasswordHash passwordHash, Instant createdAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id);
        this.email = Objects.requireNonNull(email);
        this.name = name;
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.updatedAt = Objects.requireNonNull(updatedAt);
    }

    /** A new account; the name is optional, trimmed, and at most 100 characters without control characters. */
    public static User register(UserId id, Email email, String name, PasswordHash passwordHash, Instant now) {
        return new User(id, email, normaliseName(name), passwordHash, now, now);
    }

    /** An account read back from storage, trusted as stored. */
    public static User restore(UserId id, Email email, String name, PasswordHash passwordHash, Instant createdAt, Instant updatedAt) {
        return new User(id, email, name, passwordHash, createdAt, updatedAt);
    }

    /** The same account with a new password hash (a password change or a rehash with current parameters). */
    public User withPasswordHash(PasswordHash newHash, Instant now) {
        return new User(id, email, name, newHash, createdAt, now);
    }

    /** Validates an optional display name; blank means none. */
    public static String normaliseName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String trimmed = name.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_NAME_LENGTH) {
            throw new AuthException(Reason.INVALID_NAME, "Name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new AuthException(Reason.INVALID_NAME, "Name must not contain control characters");
        }
        return trimmed;
    }

    public UserId id() {
        return id;
    }

    public Email email() {
        return email;
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public PasswordHash passwordHash() {
        return passwordHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
