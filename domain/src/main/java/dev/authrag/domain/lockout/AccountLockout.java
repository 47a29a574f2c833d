package dev.authrag.domain.lockout;

import dev.authrag.domain.user.UserId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An account's defence against password guessing: the failed sign-ins counted in the current window, how often
 * the account has been locked, and until when the current lock lasts. Immutable; every change returns a new instance.
 */
public final class AccountLockout {

    private final UserId userId;
    private final int failures;
    private final Instant countingSince;
    private final int lockouts;
    private final Instant lockedUntil;

    private AccountLockout(UserId userId, int failures, Instant countingSince, int lockouts, Instant lockedUntil) {
        this.userId = Objects.requireNonNull(userId, "user id");
        if (failures < 0 || lockouts < 0) {
            throw new IllegalArgumentException("failure and lock counts cannot be negative");
        }
        if ((failures == 0) != (countingSince == null)) {
            throw new IllegalArgumentException("a failure count needs the start of its window, and only then");
        }
        if (lockouts == 0 && lockedUntil != null) {
            throw new IllegalArgumentException("an account never locked has no lock end");
        }
        this.failures = failures;
        this.countingSince = countingSince;
        this.lockouts = lockouts;
        this.lockedUntil = lockedUntil;
    }

    /** An account with no failures and no lock on record. */
    public static AccountLockout clear(UserId userId) {
        return new AccountLockout(userId, 0, null, 0, null);
    }

    /** A state read back from storage. */
    public static AccountLockout restore(UserId userId, int failures, Instant countingSince, int lockouts,
                                         Instant lockedUntil) {
        return new AccountLockout(userId, failures, countingSince, lockouts, lockedUntil);
    }

    /** Locked now: every sign-in is refused, even with the right password. */
    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * Counts a wrong password. The count restarts when the window since the first counted failure has passed;
     * reaching the threshold locks the account for the policy's next, doubled, duration and starts a new count.
     * Attempts while locked change nothing, so hammering a locked account cannot stretch the lock.
     */
    public AccountLockout recordFailure(Instant now, LockoutPolicy policy) {
        if (isLockedAt(now)) {
            return this;
        }
        boolean inWindow = countingSince != null && now.isBefore(countingSince.plus(policy.window()));
        int counted = inWindow ? failures + 1 : 1;
        if (counted >= policy.threshold()) {
            int lockNumber = lockouts == Integer.MAX_VALUE ? lockouts : lockouts + 1;
            return new AccountLockout(userId, 0, null, lockNumber, now.plus(policy.lockDuration(lockNumber)));
        }
        return new AccountLockout(userId, counted, inWindow ? countingSince : now, lockouts, lockedUntil);
    }

    /**
     * Forgets failures and past locks after the right password, unless the account is locked now: then the lock
     * stands and the sign-in must be refused.
     */
    public AccountLockout recordSuccess(Instant now) {
        return isLockedAt(now) ? this : clear(userId);
    }

    /** Nothing on record, so a successful sign-in has nothing to forget. */
    public boolean isClear() {
        return failures == 0 && lockouts == 0;
    }

    public UserId userId() {
        return userId;
    }

    /** Failed sign-ins counted in the current window. */
    public int failures() {
        return failures;
    }

    /** When the current count's first failure happened; empty when nothing is counted. */
    public Optional<Instant> countingSince() {
        return Optional.ofNullable(countingSince);
    }

    /** How many times the account has been locked since its last successful sign-in. */
    public int lockouts() {
        return lockouts;
    }

    /** The end of the latest lock, which may lie in the past; empty when never locked. */
    public Optional<Instant> lockedUntil() {
        return Optional.ofNullable(lockedUntil);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountLockout that && userId.equals(that.userId) && failures == that.failures
                && lockouts == that.lockouts && Objects.equals(countingSince, that.countingSince)
                && Objects.equals(lockedUntil, that.lockedUntil);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userId, failures, countingSince, lockouts, lockedUntil);
    }

    @Override
    public String toString() {
        return "AccountLockout[user=" + userId + ", failures=" + failures + ", countingSince=" + countingSince
                + ", lockouts=" + lockouts + ", lockedUntil=" + lockedUntil + "]";
    }
}
