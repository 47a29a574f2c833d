package dev.authrag.adapter.persistence.lockout;

import dev.authrag.domain.lockout.AccountLockout;
import dev.authrag.domain.user.UserId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code account_lockouts}. */
@MappedEntity("account_lockouts")
public record AccountLockoutRow(@Id UUID userId,
                                int failures,
                                @Nullable Instant countingSince,
                                int lockouts,
                                @Nullable Instant lockedUntil) {

    static AccountLockoutRow from(AccountLockout lockout) {
        return new AccountLockoutRow(lockout.userId().value(), lockout.failures(), lockout.countingSince().orElse(null),
                lockout.lockouts(), lockout.lockedUntil().orElse(null));
    }

    AccountLockout toDomain() {
        return AccountLockout.restore(new UserId(userId), failures, countingSince, lockouts, lockedUntil);
    }
}
