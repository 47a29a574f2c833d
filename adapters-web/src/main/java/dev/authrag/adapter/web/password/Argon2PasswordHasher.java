package dev.authrag.adapter.web.password;

import dev.authrag.application.auth.PasswordHasher;
import dev.authrag.domain.user.Password;
import dev.authrag.domain.user.PasswordHash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link PasswordHasher} with Argon2id ({@link NativeArgon2} or {@link BouncyCastleArgon2}), writing PHC strings.
 * Every hash runs on a fixed pool with one thread per core and a bounded queue: memory stays bounded (each hash
 * holds m KiB) and the calling thread, never an event loop, only waits.
 */
public final class Argon2PasswordHasher implements PasswordHasher, AutoCloseable {

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{22,128})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    /** Argon2id cost. OWASP's minimum is m=19456 KiB, t=2, p=1. */
    public record Cost(int memoryKiB, int iterations, int parallelism) {
        public Cost {
            if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1) {
                throw new IllegalArgumentException("invalid Argon2id cost m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism);
            }
        }

        public static Cost owasp() {
            return new Cost(19456, 2, 1);
        }
    }

    private final Argon2id argon2;
    private final Cost cost;
    private final SecureRandom random = new SecureRandom();
    private final ThreadPoolExecutor pool;

    /**
     * @param argon2     the Argon2id function; every implementation gives the same bytes
     * @param cost       parameters for new hashes (stored hashes carry their own)
     * @param threads    hashing threads, normally the number of cores
     * @param queueLimit hashes allowed to wait; beyond it a request is refused rather than queued without bound
     */
    public Argon2PasswordHasher(Argon2id argon2, Cost cost, int threads, int queueLimit) {
        this.argon2 = argon2;
        this.cost = cost;
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueLimit), runnable -> {
                    Thread thread = new Thread(runnable, "argon2-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    @Override
    public PasswordHash hash(Password password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = run(() -> derive(password, salt, cost, HASH_BYTES));
        return new PasswordHash("$argon2id$v=19$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p="
                + cost.parallelism() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash));
    }

    @Override
    public boolean verify(Password password, PasswordHash stored) {
        Matcher phc = PHC.matcher(stored.phc());
        if (!phc.matches()) {
            return false;
        }
        Cost storedCost;
        byte[] salt;
        byte[] expected;
        try {
            storedCost = new Cost(Integer.parseInt(phc.group(1)), Integer.parseInt(phc.group(2)), Integer.parseInt(phc.group(3)));
            salt = B64_DECODER.decode(phc.group(4));
            expected = B64_DECODER.decode(phc.group(5));
        } catch (IllegalArgumentException malformed) {
            return false; // shaped like PHC, but an impossible cost or a base64 length that cannot be
        }
        byte[] actual = run(() -> derive(password, salt, storedCost, expected.length));
        return MessageDigest.isEqual(expected, actual);
    }

    @Override
    public boolean needsRehash(PasswordHash stored) {
        Matcher phc = PHC.matcher(stored.phc());
        return !phc.matches()
                || Integer.parseInt(phc.group(1)) != cost.memoryKiB()
                || Integer.parseInt(phc.group(2)) != cost.iterations()
                || Integer.parseInt(phc.group(3)) != cost.parallelism();
    }

    /** True when every thread is busy and the wait queue is full: a new hash would be refused. */
    public boolean atCapacity() {
        return pool.getQueue().remainingCapacity() == 0;
    }

    /** Hashes waiting for a thread; a measure of sign-in load. */
    public int queueDepth() {
        return pool.getQueue().size();
    }

    /** The Argon2id implementation in use, for the start-up log. */
    public String implementation() {
        return argon2.description();
    }

    private byte[] derive(Password password, byte[] salt, Cost cost, int length) {
        byte[] utf8 = password.reveal().getBytes(StandardCharsets.UTF_8);
        try {
            return argon2.hash(utf8, salt, cost, length);
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    private byte[] run(Callable<byte[]> task) {
        Future<byte[]> future;
        try {
            future = pool.submit(task);
        } catch (RejectedExecutionException full) {
            throw new HashingOverloadedException();
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing");
        } catch (ExecutionException e) {
            throw new IllegalStateException("password hashing failed", e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
