package dev.authrag.adapter.persistence.transaction;

import dev.authrag.application.auth.Transactions;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link Transactions} as Micronaut's JDBC transaction around the work (joining one already open). */
@Singleton
public class JdbcTransactions implements Transactions {

    private final TransactionOperations<Connection> transactions;

    JdbcTransactions(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    @Transactional
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    @Override
    public void afterCommit(Runnable work) {
        Optional<? extends TransactionStatus<?>> open = transactions.findTransactionStatus().filter(status -> !status.isCompleted());
        if (open.isEmpty()) {
            work.run();
            return;
        }
        open.get().registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                work.run();
            }
        });
    }
}
