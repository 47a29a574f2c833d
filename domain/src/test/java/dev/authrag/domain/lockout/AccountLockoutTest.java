package dev.authrag.domain.lockout;

import dev.authrag.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountLockoutTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final UserId USER = new UserId(UUID.fromString("5f0c7a3e-1b2d-4c5e-8f90-123456789abc"));
    private static final LockoutPolicy POLICY = LockoutPolicy.standard();
    private static final Duration SECOND = Duration.ofSeconds(1);

    private final AccountLockout clear = AccountLockout.clear(USER);

    @Test
    void aClearAccount_isNotLockedAndHasNothingOnRecord() {
        assertThat(clear.isLockedAt(T0)).isFalse();
        assertThat(clear.isClear()).isTrue();
        assertThat(clear.failures()).isZero();
        assertThat(clear.lockouts()).isZero();
        assertThat(clear.countingSince()).isEmpty();
        assertThat(clear.lockedUntil()).isEmpty();
        assertThat(clear.userId()).isEqualTo(USER);
    }

    @Test
    void nineFailures_countButDoNotLock() {
        AccountLockout nine = fail(clear, 9, T0, SECOND);

        assertThat(nine.failures()).isEqualTo(9);
        assertThat(nine.countingSince()).hasValue(T0);
        assertThat(nine.isLockedAt(T0.plusSeconds(9))).isFalse();
        assertThat(nine.isClear()).isFalse();
    }

    @Test
    void theTenthFailureWithinTheWindow_locksForFifteenMinutes() {
        Instant tenth = T0.plus(Duration.ofMinutes(14));
        AccountLockout nine = fail(clear, 9, T0, Duration.ofSeconds(10));

        AccountLockout locked = nine.recordFailure(tenth, POLICY);

        assertThat(locked.isLockedAt(tenth)).isTrue();
        assertThat(locked.lockedUntil()).hasValue(tenth.plus(Duration.ofMinutes(15)));
        assertThat(locked.lockouts()).isEqualTo(1);
        assertThat(locked.failures()).as("a new count starts with the lock").isZero();
        assertThat(locked.countingSince()).isEmpty();
    }

    @Test
    void aLock_endsExactlyWhenItsDurationHasPassed() {
        AccountLockout locked = fail(clear, 10, T0, Duration.ZERO);
        Instant end = T0.plus(Duration.ofMinutes(15));

        assertThat(locked.isLockedAt(end.minusNanos(1))).isTrue();
        assertThat(locked.isLockedAt(end)).isFalse();
        assertThat(locked.isLockedAt(end.plus(Duration.ofDays(365)))).isFalse();
    }

    @Test
    void failuresSpreadOverMoreThanTheWindow_neverLock() {
        AccountLockout nine = fail(clear, 9, T0, SECOND);
        Instant windowEnd = T0.plus(POLICY.window());

        AccountLockout afterWindow = nine.recordFailure(windowEnd, POLICY);

        assertThat(afterWindow.isLockedAt(windowEnd)).isFalse();
        assertThat(afterWindow.failures()).as("the count restarted").isEqualTo(1);
        assertThat(afterWindow.countingSince()).hasValue(windowEnd);
    }

    @Test
    void afterTheWindowRestarts_tenMoreFailuresLock() {
        AccountLockout nine = fail(clear, 9, T0, SECOND);
        Instant restart = T0.plus(Duration.ofMinutes(20));

        AccountLockout again = fail(nine, 10, restart, SECOND);

        assertThat(again.isLockedAt(restart.plusSeconds(9))).isTrue();
    }

    @Test
    void failuresWhileLocked_neitherCountNorExtendTheLock() {
        AccountLockout locked = fail(clear, 10, T0, Duration.ZERO);

        AccountLockout hammered = fail(locked, 50, T0.plusSeconds(1), SECOND);

        assertThat(hammered).isEqualTo(locked);
        assertThat(hammered.lockedUntil()).hasValue(T0.plus(Duration.ofMinutes(15)));
    }

    @Test
    void eachRepeatedLock_lastsTwiceAsLongAsTheOneBefore() {
        Instant now = T0;
        AccountLockout state = clear;
        Duration expected = Duration.ofMinutes(15);
        for (int lock = 1; lock <= 6; lock++) {
            state = fail(state, 10, now, Duration.ZERO);

            assertThat(state.lockouts()).isEqualTo(lock);
            assertThat(state.lockedUntil()).hasValue(now.plus(expected));
            now = state.lockedUntil().orElseThrow();
            expected = expected.multipliedBy(2);
        }
        assertThat(expected).as("15m doubled six times").isEqualTo(Duration.ofMinutes(960));
    }

    @Test
    void repeatedLocks_neverLastLongerThanTheMaximumAndAlwaysEnd() {
        Instant now = T0;
        AccountLockout state = clear;
        Duration last = Duration.ZERO;
        for (int lock = 1; lock <= 40; lock++) {
            state = fail(state, 10, now, Duration.ZERO);
            Instant until = state.lockedUntil().orElseThrow();
            last = Duration.between(now, until);

            assertThat(last).isLessThanOrEqualTo(Duration.ofHours(24));
            assertThat(state.isLockedAt(until)).isFalse();
            now = until;
        }
        assertThat(last).isEqualTo(Duration.ofHours(24));
        assertThat(state.lockouts()).isEqualTo(40);
    }

    @Test
    void theRightPassword_clearsFailuresAndPastLocks() {
        AccountLockout someFailures = fail(clear, 5, T0, SECOND);
        AccountLockout expiredLock = fail(clear, 10, T0, Duration.ZERO);
        Instant afterLock = T0.plus(Duration.ofMinutes(15));

        assertThat(someFailures.recordSuccess(T0.plusSeconds(10))).isEqualTo(clear);
        assertThat(expiredLock.recordSuccess(afterLock)).isEqualTo(clear);
    }

    @Test
    void theRightPassword_whileLocked_leavesTheLockInPlace() {
        AccountLockout locked = fail(clear, 10, T0, Duration.ZERO);

        AccountLockout after = locked.recordSuccess(T0.plus(Duration.ofMinutes(14)));

        assertThat(after).isEqualTo(locked);
        assertThat(after.isLockedAt(T0.plus(Duration.ofMinutes(14)))).isTrue();
    }

    @Test
    void afterASuccess_theNextLockIsShortAgain() {
        AccountLockout lockedTwice = fail(fail(clear, 10, T0, Duration.ZERO), 10, T0.plus(Duration.ofMinutes(15)), Duration.ZERO);
        Instant later = T0.plus(Duration.ofHours(2));
        assertThat(lockedTwice.lockouts()).isEqualTo(2);

        AccountLockout relocked = fail(lockedTwice.recordSuccess(later), 10, later, Duration.ZERO);

        assertThat(relocked.lockedUntil()).hasValue(later.plus(Duration.ofMinutes(15)));
        assertThat(relocked.lockouts()).isEqualTo(1);
    }

    @Test
    void aThresholdOfOne_locksOnTheFirstFailure() {
        LockoutPolicy strict = LockoutPolicy.of(1, Duration.ofMinutes(1), Duration.ofMinutes(4));

        AccountLockout locked = clear.recordFailure(T0, strict);

        assertThat(locked.isLockedAt(T0)).isTrue();
        assertThat(locked.lockedUntil()).hasValue(T0.plus(Duration.ofMinutes(1)));
    }

    @Test
    void restore_rebuildsAStoredStateAndRejectsAnInconsistentOne() {
        AccountLockout stored = AccountLockout.restore(USER, 3, T0, 2, T0.minusSeconds(60));

        assertThat(stored.failures()).isEqualTo(3);
        assertThat(stored.countingSince()).hasValue(T0);
        assertThat(stored.lockouts()).isEqualTo(2);
        assertThat(stored.lockedUntil()).hasValue(T0.minusSeconds(60));
        assertThatThrownBy(() -> AccountLockout.restore(USER, 3, null, 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccountLockout.restore(USER, 0, T0, 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccountLockout.restore(USER, -1, T0, 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccountLockout.restore(USER, 0, null, 0, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccountLockout.clear(null)).isInstanceOf(NullPointerException.class);
    }

    /** Records {@code count} failures, {@code spacing} apart, starting at {@code from}. */
    private static AccountLockout fail(AccountLockout state, int count, Instant from, Duration spacing) {
        AccountLockout current = state;
        for (int i = 0; i < count; i++) {
            current = current.recordFailure(from.plus(spacing.multipliedBy(i)), POLICY);
        }
        return current;
    }
}
