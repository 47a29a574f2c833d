package dev.authrag.application.auth;

import dev.authrag.domain.user.Password;
import dev.authrag.domain.user.PasswordHash;

/** Driven port: one-way password hashing. Implementations are slow on purpose and must not run on an event loop. */
public interface PasswordHasher {

    PasswordHash hash(Password password);

    /** Constant-time comparison of the password against the stored hash. */
    boolean verify(Password password, PasswordHash hash);

    /** True when the hash was made with other parameters than the current ones and should be replaced. */
    boolean needsRehash(PasswordHash hash);

    /**
     * True when a hash asked for now would be refused with {@link HashingOverloadedException}: lets an inbound adapter
     * shed a request before it reads the body. Never blocks.
     */
    default boolean atCapacity() {
        return false;
    }
}
