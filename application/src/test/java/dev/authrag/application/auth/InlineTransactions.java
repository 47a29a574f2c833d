package dev.authrag.application.auth;

import java.util.function.Supplier;

/**
 * Test fake of {@link Transactions}: runs the work inline under one lock, so the in-memory stores see the work as one
 * step. (The in-memory stores cannot roll back; a test of rollback belongs against PostgreSQL.)
 */
public final class InlineTransactions implements Transactions {

    private int opened;

    @Override
    public synchronized <T> T inTransaction(Supplier<T> work) {
        opened++;
        return work.get();
    }

    /** How many transactions were opened. */
    public synchronized int opened() {
        return opened;
    }
}
