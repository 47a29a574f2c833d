package dev.authrag.domain.lockout;

import java.time.Duration;
import java.util.Objects;

/**
 * When wrong passwords lock an account, and for how long. Each lock lasts twice as long as the one before, up to a
 * ceiling: a lock always ends, because a permanent one would let anyone shut a stranger out for good.
 *
 * @param threshold   failed sign-ins, counted within {@code window}, that lock the account
 * @param duration    how long the first lock lasts
 * @param maxDuration no lock lasts longer than this
 * @param window      a failure this long or longer after the first counted one starts a new count
 */
public record LockoutPolicy(int threshold, Duration duration, Duration maxDuration, Duration window) {

    public LockoutPolicy {
        Objects.requireNonNull(duration, "lock duration");
        Objects.requireNonNull(maxDuration, "maximum lock duration");
        Objects.requireNonNull(window, "counting window");
        if (threshold < 1) {
            throw new IllegalArgumentException("the lockout threshold must be at least 1, got " + threshold);
        }
        if (duration.isNegative() || duration.isZero() || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the lock duration and the counting window must be positive");
        }
        if (maxDuration.compareTo(duration) < 0) {
            throw new IllegalArgumentException("the maximum lock duration must be at least the lock duration");
        }
    }

    /** Failures are counted within one (first) lock duration, so one setting tunes both: 10 in 15 minutes lock for 15. */
    public static LockoutPolicy of(int threshold, Duration duration, Duration maxDuration) {
        return new LockoutPolicy(threshold, duration, maxDuration, duration);
    }

    /** 10 failures within 15 minutes lock the account for 15 minutes, then 30, 60... at most 24 hours. */
    public static LockoutPolicy standard() {
        return of(10, Duration.ofMinutes(15), Duration.ofHours(24));
    }

    /** How long the account's {@code lockNumber}-th lock (1 for the first) lasts: doubled each time, capped. */
    public Duration lockDuration(int lockNumber) {
        if (lockNumber < 1) {
            throw new IllegalArgumentException("locks are counted from 1, got " + lockNumber);
        }
        Duration lock = duration;
        // Doubling stops at the ceiling, so even a huge lock number costs a few dozen steps and cannot overflow.
        for (int n = 1; n < lockNumber && lock.compareTo(maxDuration) < 0; n++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(maxDuration) < 0 ? lock : maxDuration;
    }
}
