package dev.authrag.application.auth;

import dev.authrag.domain.user.Password;
import dev.authrag.domain.user.PasswordHash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test fake of {@link PasswordHasher}: an instant, unsalted SHA-256 in a PHC-like string
 * ({@code $fake$v=N$hex}). {@link #upgradeParameters()} makes existing hashes need a rehash, and the
 * calls are counted so tests can check the dummy-hash rule.
 */
public final class FakePasswordHasher implements PasswordHasher {

    private static final String PREFIX = "$fake$v=";

    private final AtomicInteger version = new AtomicInteger(1);
    private final AtomicInteger hashCalls = new AtomicInteger();
    private final AtomicInteger verifyCalls = new AtomicInteger();

    @Override
    public PasswordHash hash(Password password) {
        hashCalls.incrementAndGet();
        return new PasswordHash(PREFIX + version.get() + "$" + digest(password));
    }

    @Override
    public boolean verify(Password password, PasswordHash hash) {
        verifyCalls.incrementAndGet();
        String phc = hash.phc();
        if (!phc.startsWith(PREFIX)) {
            return false;
        }
        String stored = phc.substring(phc.lastIndexOf('$') + 1);
        return MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                digest(password).getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return !hash.phc().startsWith(PREFIX + version.get() + "$");
    }

    /** From now on hashes are made with "new parameters"; older ones need a rehash. */
    public void upgradeParameters() {
        version.incrementAndGet();
    }

    public int hashCalls() {
        return hashCalls.get();
    }

    public int verifyCalls() {
        return verifyCalls.get();
    }

    public void resetCounts() {
        hashCalls.set(0);
        verifyCalls.set(0);
    }

    private static String digest(Password password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(password.reveal().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
