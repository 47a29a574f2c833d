package dev.authrag.application.auth;

import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.user.Email;
import dev.authrag.domain.user.User;
import dev.authrag.domain.user.UserId;

import java.util.List;
import java.util.Optional;

/** Driven port: the registered accounts. */
public interface Users {

    /** Stores a new account; false when its email is already taken (atomically, so concurrent registrations cannot both win). */
    boolean add(User user);

    Optional<User> findByEmail(Email email);

    Optional<User> findById(UserId id);

    /** Stores the account's current password hash. */
    void updatePasswordHash(User user);

    /**
     * Stores a password change and, in the same transaction, revokes every other session of the account active at the
     * change (reason {@code PASSWORD_CHANGED}, at {@code changed.updatedAt()}), so no session opened with the old
     * password outlives it. Returns the ids it revoked.
     */
    List<SessionId> changePassword(User changed, SessionId keep);
}
