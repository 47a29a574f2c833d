package dev.authrag.adapter.web.crypto.password;

import dev.authrag.adapter.web.crypto.password.Argon2PasswordHasher.Cost;

/**
 * The raw Argon2id function (version 1.3, no secret, no associated data) behind {@link Argon2PasswordHasher}:
 * {@link NativeArgon2} (the reference C implementation) or {@link BouncyCastleArgon2} (pure Java). Both give the
 * same bytes for the same input, so either verifies the other's hashes. Implementations are thread-safe.
 */
public interface Argon2id {

    /** Argon2id of the password with this salt and cost, {@code length} bytes long; throws rather than answer wrongly. */
    byte[] hash(byte[] password, byte[] salt, Cost cost, int length);

    /** Names the implementation for the start-up log, e.g. {@code Argon2id native (avx2)}. */
    String description();
}
