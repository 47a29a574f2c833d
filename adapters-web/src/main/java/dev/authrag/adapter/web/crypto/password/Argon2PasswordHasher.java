package dev.authrag.adapter.web.crypto.password;

import dev.authrag.application.auth.HashingOverloadedException;

import dev.authrag.application.auth.PasswordHasher;
import dev.authrag.domain.user.Password;
import dev.authrag.domain.user.PasswordHash;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link PasswordHasher} with Argon2id ({@link NativeArgon2} or {@link BouncyCastleArgon2}), writing PHC strings.
 * Every hash runs on a fixed pool with one thread per core and a bounded queue: memory stays bounded (each hash
 * holds m KiB) and the calling thread, never an event loop, only waits.
 *
 * <p>Admission is decided by time as well as by queue length: a hash is refused ({@link HashingOverloadedException},
 * 503 {@code overloaded}) when, at the recent pace of hashing, it would not be done within {@code maxWait}. The pace
 * is a moving average of how long a hash takes on its thread, wall clock, so it slows down when the CPU goes to
 * something else (a flood of requests being refused, say) and the queue admitted shrinks with it: the wait of an
 * admitted request stays near {@code maxWait} whatever the load, instead of growing with a fixed queue.
 */
public final class Argon2PasswordHasher implements PasswordHasher, AutoCloseable {

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{22,128})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();
    private static final Logger LOG = LoggerFactory.getLogger(Argon2PasswordHasher.class);
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    /** Argon2id cost. OWASP's minimum is m=19456 KiB, t=2, p=1. */
    public record Cost(int memoryKiB, int iterations, int parallelism) {
        public Cost {
            if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1) {
                throw new IllegalArgumentException("invalid Argon2id cost m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism);
            }
        }

        /**
         * The largest cost a stored hash may carry to be verified: 256 MiB, 10 passes, 16 lanes. Above any of them a
         * stored hash (imported, or written by someone with access to the database) would let one sign-in take
         * gigabytes or minutes of a hashing thread, so it is refused unhashed, as a wrong password.
         */
        public static final Cost MAX_STORED = new Cost(256 * 1024, 10, 16);

        public static Cost owasp() {
            return new Cost(19456, 2, 1);
        }

        /** Whether this cost is within {@code bound} in memory, passes and lanes. */
        public boolean within(Cost bound) {
            return memoryKiB <= bound.memoryKiB && iterations <= bound.iterations && parallelism <= bound.parallelism;
        }
    }

    private final Argon2id argon2;
    private final Cost cost;
    private final SecureRandom random = new SecureRandom();
    private final ThreadPoolExecutor pool;
    private final int threads;
    private final long maxWaitNanos;
    /** Moving average of one hash's duration on its thread (nanoseconds, as double bits); 0 before the first. */
    private final AtomicLong averageNanos = new AtomicLong(Double.doubleToLongBits(0));

    /** Default of {@code PASSWORD_HASH_MAX_WAIT}: an admitted sign-in waits about this long at most. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(1);

    /** With {@link #DEFAULT_MAX_WAIT}. */
    public Argon2PasswordHasher(Argon2id argon2, Cost cost, int threads, int queueLimit) {
        this(argon2, cost, threads, queueLimit, DEFAULT_MAX_WAIT);
    }

    /**
     * @param argon2     the Argon2id function; every implementation gives the same bytes
     * @param cost       parameters for new hashes (stored hashes carry their own)
     * @param threads    hashing threads, normally the number of cores
     * @param queueLimit hashes allowed to wait; beyond it a request is refused rather than queued without bound
     * @param maxWait    a hash expected to finish later than this from now (waiting and hashing) is refused
     */
    public Argon2PasswordHasher(Argon2id argon2, Cost cost, int threads, int queueLimit, Duration maxWait) {
        if (maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("maxWait must be positive");
        }
        this.argon2 = argon2;
        this.cost = cost;
        this.threads = threads;
        this.maxWaitNanos = maxWait.toNanos();
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
        if (!storedCost.within(Cost.MAX_STORED)) {
            LOG.warn("password hash refused unverified: its cost m={},t={},p={} exceeds the bound m={},t={},p={}",
                    storedCost.memoryKiB(), storedCost.iterations(), storedCost.parallelism(), Cost.MAX_STORED.memoryKiB(),
                    Cost.MAX_STORED.iterations(), Cost.MAX_STORED.parallelism());
            return false;
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

    /**
     * True when a new hash would be refused: the wait queue is full, or every thread is busy and, at the recent
     * pace, the new hash would finish later than {@code maxWait} from now.
     */
    @Override
    public boolean atCapacity() {
        if (pool.getQueue().remainingCapacity() == 0) {
            return true;
        }
        return expectedNanos() > maxWaitNanos;
    }

    /**
     * How long until a hash submitted now would be done, as far as admission is concerned: 0 while a thread is idle
     * (a lone hash is always admitted, however slow the pace); otherwise half a hash
     * until a thread frees (on average), one more round per {@code threads} hashes queued ahead, and its own.
     */
    long expectedNanos() {
        double average = Double.longBitsToDouble(averageNanos.get());
        if (pool.getActiveCount() < threads) {
            return 0;
        }
        int queued = pool.getQueue().size();
        return (long) (average * (1.5 + (double) queued / threads));
    }

    /** The configured bound on the wait of an admitted hash. */
    public Duration maxWait() {
        return Duration.ofNanos(maxWaitNanos);
    }

    /** The moving average of one hash's duration (what admission works from). */
    public Duration averageHashTime() {
        return Duration.ofNanos((long) Double.longBitsToDouble(averageNanos.get()));
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
        long started = System.nanoTime();
        try {
            return argon2.hash(utf8, salt, cost, length);
        } finally {
            Arrays.fill(utf8, (byte) 0);
            record(System.nanoTime() - started);
        }
    }

    /** Exponentially weighted (1/8 per hash): follows a change of pace within a few dozen hashes. */
    private void record(long nanos) {
        averageNanos.getAndUpdate(bits -> {
            double average = Double.longBitsToDouble(bits);
            return Double.doubleToLongBits(average == 0 ? nanos : average + (nanos - average) / 8);
        });
    }

    private byte[] run(Callable<byte[]> task) {
        if (atCapacity()) {
            throw new HashingOverloadedException();
        }
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
