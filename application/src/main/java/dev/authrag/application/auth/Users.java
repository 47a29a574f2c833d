package dev.authrag.application.auth;

import dev.authrag.domain.user.Email;
import dev.authrag.domain.user.PasswordHash;
import dev.authrag.domain.user.User;
import dev.authrag.domain.user.UserId;

import java.util.Optional;

/** Driven port: the registered accounts. */
public interface Users {

    /** Stores a new account; false when its email is already taken (atomically, so concurrent registrations cannot both win). */
    boolean add(User user);

    Optional<User> findByEmail(Email email);

    Optional<User> findById(UserId id);

    /**
     * Stores the account's new password hash (a change, or a rehash with current parameters) only if the stored hash
     * is still {@code expected}: compare-and-set, so a write based on an old read never overwrites a newer hash.
     * False when it was not stored.
     */
    boolean replacePasswordHash(User changed, PasswordHash expected);

    /**
     * True when the account's stored hash is still {@code hash}. Inside a {@link Transactions transaction} it also
     * holds the account until the transaction ends, so no password change can land between this check and the commit.
     */
    boolean stillHasPassword(UserId id, PasswordHash hash);
}
