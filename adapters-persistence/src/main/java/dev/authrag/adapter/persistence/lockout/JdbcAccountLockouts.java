package dev.authrag.adapter.persistence.lockout;

import dev.authrag.application.auth.AccountLockouts;
import dev.authrag.domain.lockout.AccountLockout;
import dev.authrag.domain.user.UserId;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.function.UnaryOperator;

/**
 * {@link AccountLockouts} on PostgreSQL. A change runs under the account row's lock (pessimistic: failures of one
 * account are rare enough that waiting beats optimistic retries, and the rules stay in the domain, not in SQL).
 */
@Singleton
public class JdbcAccountLockouts implements AccountLockouts {

    private final AccountLockoutRepository repository;

    JdbcAccountLockouts(AccountLockoutRepository repository) {
        this.repository = repository;
    }

    @Override
    public AccountLockout find(UserId user) {
        return repository.findById(user.value()).map(AccountLockoutRow::toDomain).orElseGet(() -> AccountLockout.clear(user));
    }

    @Override
    @Transactional
    public AccountLockout update(UserId user, UnaryOperator<AccountLockout> change) {
        repository.insertClearIfAbsent(user.value());
        AccountLockout current = repository.findByIdForUpdate(user.value())
                .map(AccountLockoutRow::toDomain)
                .orElseThrow(() -> new IllegalStateException("the lockout row of " + user + " vanished under its lock"));
        AccountLockout changed = change.apply(current);
        if (!changed.userId().equals(user)) {
            throw new IllegalArgumentException("a change must keep the account: " + user + " became " + changed.userId());
        }
        AccountLockoutRow row = AccountLockoutRow.from(changed);
        repository.store(row.userId(), row.failures(), row.countingSince(), row.lockouts(), row.lockedUntil());
        return changed;
    }

    @Override
    public void reset(UserId user) {
        repository.delete(user.value());
    }
}
