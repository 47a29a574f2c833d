package dev.authrag.application.auth;

import dev.authrag.domain.lockout.AccountLockout;
import dev.authrag.domain.lockout.LockoutPolicy;
import dev.authrag.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link AccountLockouts} adapter must do, run against the in-memory fake and the PostgreSQL adapter.
 * Instants are whole microseconds, the precision PostgreSQL keeps.
 */
public abstract class AccountLockoutsContract {

    protected static final Instant T0 = Instant.parse("2025-03-01T09:15:30.123456Z").truncatedTo(ChronoUnit.MICROS);
    private static final LockoutPolicy POLICY = LockoutPolicy.standard();

    /** The adapter under test; may return the same instance on every call. */
    protected abstract AccountLockouts lockouts();

    /** The id of a newly stored account, unknown to the store so far. */
    protected abstract UserId anAccount();

    @Test
    void find_ofAnAccountWithNothingStored_isClear() {
        UserId user = anAccount();

        assertThat(lockouts().find(user)).isEqualTo(AccountLockout.clear(user));
    }

    @Test
    void update_storesEveryFieldOfTheChangedState() {
        UserId user = anAccount();
        AccountLockout stored = AccountLockout.restore(user, 4, T0, 3, T0.minus(Duration.ofHours(2)).plusNanos(1_000));

        AccountLockout returned = lockouts().update(user, current -> stored);

        assertThat(returned).isEqualTo(stored);
        assertThat(lockouts().find(user)).isEqualTo(stored);
    }

    @Test
    void update_passesTheStoredStateToTheChange() {
        UserId user = anAccount();
        lockouts().update(user, current -> current.recordFailure(T0, POLICY));

        AccountLockout second = lockouts().update(user, current -> current.recordFailure(T0.plusSeconds(1), POLICY));

        assertThat(second.failures()).isEqualTo(2);
        assertThat(second.countingSince()).hasValue(T0);
        assertThat(lockouts().find(user)).isEqualTo(second);
    }

    @Test
    void update_canStoreALockAndThenClearIt() {
        UserId user = anAccount();
        AccountLockout locked = lockouts().update(user, current -> lockedAt(current, T0));
        assertThat(lockouts().find(user).isLockedAt(T0.plusSeconds(60))).isTrue();

        Instant afterLock = locked.lockedUntil().orElseThrow();
        lockouts().update(user, current -> current.recordSuccess(afterLock));

        assertThat(lockouts().find(user)).isEqualTo(AccountLockout.clear(user));
    }

    @Test
    void update_thatChangesTheAccount_isRefusedAndStoresNothing() {
        UserId user = anAccount();
        UserId other = anAccount();

        assertThatThrownBy(() -> lockouts().update(user, current -> AccountLockout.clear(other).recordFailure(T0, POLICY)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(lockouts().find(user)).isEqualTo(AccountLockout.clear(user));
        assertThat(lockouts().find(other)).isEqualTo(AccountLockout.clear(other));
    }

    @Test
    void reset_forgetsFailuresAndAnActiveLock() {
        UserId user = anAccount();
        lockouts().update(user, current -> lockedAt(current, T0));

        lockouts().reset(user);

        assertThat(lockouts().find(user)).isEqualTo(AccountLockout.clear(user));
        assertThat(lockouts().find(user).isLockedAt(T0.plusSeconds(1))).isFalse();
    }

    @Test
    void reset_ofAnAccountWithNothingStored_isHarmless() {
        UserId user = anAccount();

        lockouts().reset(user);

        assertThat(lockouts().find(user)).isEqualTo(AccountLockout.clear(user));
    }

    @Test
    void accounts_areKeptApart() {
        UserId alice = anAccount();
        UserId bob = anAccount();

        lockouts().update(alice, current -> lockedAt(current, T0));
        lockouts().update(bob, current -> current.recordFailure(T0, POLICY));
        lockouts().reset(bob);

        assertThat(lockouts().find(alice).isLockedAt(T0)).isTrue();
        assertThat(lockouts().find(bob)).isEqualTo(AccountLockout.clear(bob));
    }

    @Test
    void twentyParallelFailures_areAllCounted() throws Exception {
        UserId user = anAccount();
        LockoutPolicy lenient = LockoutPolicy.of(1_000, Duration.ofMinutes(15), Duration.ofHours(24));

        inParallel(20, () -> lockouts().update(user, current -> current.recordFailure(T0, lenient)));

        assertThat(lockouts().find(user).failures()).isEqualTo(20);
    }

    @Test
    void twentyParallelFailures_reachAThresholdOfTwentyAndLockTheAccount() throws Exception {
        UserId user = anAccount();
        LockoutPolicy twenty = LockoutPolicy.of(20, Duration.ofMinutes(15), Duration.ofHours(24));

        inParallel(20, () -> lockouts().update(user, current -> current.recordFailure(T0, twenty)));

        AccountLockout stored = lockouts().find(user);
        assertThat(stored.isLockedAt(T0)).isTrue();
        assertThat(stored.lockouts()).isEqualTo(1);
        assertThat(stored.lockedUntil()).hasValue(T0.plus(Duration.ofMinutes(15)));
    }

    private static AccountLockout lockedAt(AccountLockout state, Instant now) {
        AccountLockout current = state;
        for (int i = 0; i < POLICY.threshold(); i++) {
            current = current.recordFailure(now, POLICY);
        }
        return current;
    }

    private static void inParallel(int contenders, Runnable action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> outcomes = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    action.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> outcome : outcomes) {
                outcome.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
