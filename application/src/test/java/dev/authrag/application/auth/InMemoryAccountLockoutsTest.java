package dev.authrag.application.auth;

import dev.authrag.domain.user.UserId;

/** The fake keeps the same contract as the PostgreSQL adapter, so service tests against it mean something. */
class InMemoryAccountLockoutsTest extends AccountLockoutsContract {

    private final InMemoryAccountLockouts lockouts = new InMemoryAccountLockouts();

    @Override
    protected AccountLockouts lockouts() {
        return lockouts;
    }

    @Override
    protected UserId anAccount() {
        return UserId.random();
    }
}
