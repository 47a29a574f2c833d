package dev.authrag.application.auth;

import java.util.function.Supplier;

/**
 * Driven port: runs work as one storage transaction, all or nothing. Use cases do their slow work (hashing) first and
 * hand only the writes to it, so no transaction waits on Argon2.
 */
public interface Transactions {

    /** Runs {@code work} in one transaction (joining one already open); a thrown exception rolls it back. */
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs {@code work} once the transaction open on this thread commits, and never if it rolls back; at once when none
     * is open. For what must follow a change but never be part of it (the audit trail, ADR 0003).
     */
    void afterCommit(Runnable work);
}
