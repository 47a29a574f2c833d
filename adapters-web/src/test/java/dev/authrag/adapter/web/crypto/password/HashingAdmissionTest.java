package dev.authrag.adapter.web.crypto.password;

import dev.authrag.application.auth.HashingOverloadedException;

import dev.authrag.adapter.web.crypto.password.Argon2PasswordHasher.Cost;
import dev.authrag.domain.user.Password;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Admission by expected completion time: with a queue far longer than needed, the hasher still refuses a hash that,
 * at the measured pace, could not be done within the maximum wait. The Argon2id here is a stand-in whose duration
 * the test controls: the first hash sleeps (to set the pace), later ones block until released.
 */
class HashingAdmissionTest {

    private static final Cost COST = new Cost(64, 1, 1);

    /** Sleeps {@code paceMillis} on the first call, then blocks every call until {@link #release()}. */
    private static final class ControlledArgon2 implements Argon2id {
        private final long paceMillis;
        private final AtomicBoolean first = new AtomicBoolean(true);
        private final CountDownLatch released = new CountDownLatch(1);

        ControlledArgon2(long paceMillis) {
            this.paceMillis = paceMillis;
        }

        void release() {
            released.countDown();
        }

        @Override
        public byte[] hash(byte[] password, byte[] salt, Cost cost, int length) {
            try {
                if (first.getAndSet(false)) {
                    Thread.sleep(paceMillis);
                } else {
                    released.await(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new byte[length];
        }

        @Override
        public String description() {
            return "controlled";
        }
    }

    @Test
    void aHashThatCouldNotFinishWithinTheMaximumWait_isRefused_thoughTheQueueHasRoom() throws Exception {
        ControlledArgon2 argon2 = new ControlledArgon2(100);
        Duration maxWait = Duration.ofMillis(1000);
        ExecutorService callers = Executors.newCachedThreadPool();
        try (Argon2PasswordHasher hasher = new Argon2PasswordHasher(argon2, COST, 1, 1000, maxWait)) {
            hasher.hash(Password.of("sets the pace"));
            long pace = hasher.averageHashTime().toNanos();
            assertThat(pace).isGreaterThanOrEqualTo(Duration.ofMillis(100).toNanos());
            // one running + q queued: the next finishes after pace * (1.5 + q); admitted while that is <= maxWait
            int admittedQueued = (int) Math.floor(maxWait.toNanos() / (double) pace - 1.5) + 1;

            List<Future<?>> admitted = new ArrayList<>();
            admitted.add(callers.submit(() -> hasher.hash(Password.of("runs"))));
            awaitUntil(() -> hasher.expectedNanos() > pace); // the thread is busy
            for (int q = 0; q < admittedQueued; q++) {
                assertThat(hasher.atCapacity()).as("with %d queued", q).isFalse();
                admitted.add(callers.submit(() -> hasher.hash(Password.of("waits"))));
                int queued = q + 1;
                awaitUntil(() -> hasher.queueDepth() == queued);
            }

            assertThat(hasher.atCapacity()).isTrue();
            assertThat(hasher.queueDepth()).isLessThan(1000);
            assertThatThrownBy(() -> hasher.hash(Password.of("one too many")))
                    .isInstanceOf(HashingOverloadedException.class);

            argon2.release();
            for (Future<?> future : admitted) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            argon2.release();
            callers.shutdownNow();
        }
    }

    @Test
    void whileAThreadIsIdle_aHashIsAdmitted_whateverThePace() {
        ControlledArgon2 argon2 = new ControlledArgon2(300);
        try (Argon2PasswordHasher hasher = new Argon2PasswordHasher(argon2, COST, 2, 10, Duration.ofMillis(200))) {
            hasher.hash(Password.of("slower than the maximum wait"));
            argon2.release();

            assertThat(hasher.atCapacity()).isFalse();
            assertThat(CompletableFuture.supplyAsync(() -> hasher.hash(Password.of("admitted"))).join().phc())
                    .startsWith("$argon2id$");
        }
    }

    @Test
    void aMaximumWaitThatIsNotPositive_isRejected() {
        assertThatThrownBy(() -> new Argon2PasswordHasher(new ControlledArgon2(0), COST, 1, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 10 s");
            }
            Thread.sleep(5);
        }
    }
}
