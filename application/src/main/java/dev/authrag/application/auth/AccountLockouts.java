package dev.authrag.application.auth;

import dev.authrag.domain.lockout.AccountLockout;
import dev.authrag.domain.user.UserId;

import java.util.function.UnaryOperator;

/** Driven port: each account's failed sign-ins and locks. */
public interface AccountLockouts {

    /** The account's state; a clear one when nothing is stored. */
    AccountLockout find(UserId user);

    /**
     * Applies {@code change} to the account's current state and stores the result, atomically: concurrent changes of
     * one account run one after another, so no failure is lost. Returns the state as stored.
     */
    AccountLockout update(UserId user, UnaryOperator<AccountLockout> change);

    /** Forgets the account's failures and locks, whether or not it is locked now (a password change does this). */
    void reset(UserId user);
}
