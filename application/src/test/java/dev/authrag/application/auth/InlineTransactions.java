package dev.authrag.application.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Test fake of {@link Transactions}: runs the work inline under one lock, so the in-memory stores see the work as one
 * step; after-commit work runs when the outermost transaction returns, and is dropped when it throws. (The in-memory
 * stores cannot roll back; a test of rollback belongs against PostgreSQL.)
 */
public final class InlineTransactions implements Transactions {

    private final List<Runnable> afterCommit = new ArrayList<>();
    private int depth;

    @Override
    public synchronized <T> T inTransaction(Supplier<T> work) {
        depth++;
        boolean committed = false;
        try {
            T result = work.get();
            committed = true;
            return result;
        } finally {
            depth--;
            if (depth == 0) {
                List<Runnable> pending = List.copyOf(afterCommit);
                afterCommit.clear();
                if (committed) {
                    pending.forEach(Runnable::run);
                }
            }
        }
    }

    @Override
    public synchronized void afterCommit(Runnable work) {
        if (depth == 0) {
            work.run();
        } else {
            afterCommit.add(work);
        }
    }
}
