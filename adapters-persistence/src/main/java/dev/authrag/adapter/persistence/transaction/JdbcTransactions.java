package dev.authrag.adapter.persistence.transaction;

import dev.authrag.application.auth.Transactions;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.function.Supplier;

/** {@link Transactions} as Micronaut's JDBC transaction around the work (joining one already open). */
@Singleton
public class JdbcTransactions implements Transactions {

    @Override
    @Transactional
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
