package dev.authrag.application.auth;

import dev.authrag.domain.lockout.AccountLockout;
import dev.authrag.domain.user.UserId;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Test fake of {@link AccountLockouts}: a synchronised map, so updates of one account are serialised as the real store's row lock does. */
public final class InMemoryAccountLockouts implements AccountLockouts {

    private final Map<UserId, AccountLockout> byUser = new HashMap<>();
    private int updates;

    @Override
    public synchronized AccountLockout find(UserId user) {
        return byUser.getOrDefault(user, AccountLockout.clear(user));
    }

    @Override
    public synchronized AccountLockout update(UserId user, UnaryOperator<AccountLockout> change) {
        AccountLockout changed = change.apply(find(user));
        if (!changed.userId().equals(user)) {
            throw new IllegalArgumentException("a change must keep the account: " + user + " became " + changed.userId());
        }
        byUser.put(user, changed);
        updates++;
        return changed;
    }

    @Override
    public synchronized void reset(UserId user) {
        byUser.remove(user);
    }

    /** How many times {@link #update} stored a state, so tests can see that a plain success writes nothing. */
    public synchronized int updates() {
        return updates;
    }
}
