package dev.authrag.adapter.persistence.lockout;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Micronaut Data access to {@code account_lockouts}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AccountLockoutRepository extends GenericRepository<AccountLockoutRow, UUID> {

    Optional<AccountLockoutRow> findById(UUID userId);

    /** Makes sure the account has a row to lock; a concurrent insert of the same row is not an error. */
    @Query("""
            INSERT INTO account_lockouts (user_id, failures, lockouts) VALUES (:userId, 0, 0)
            ON CONFLICT (user_id) DO NOTHING""")
    int insertClearIfAbsent(UUID userId);

    /** Reads the row and holds its lock until the transaction ends, so a concurrent change waits for this one. */
    @Query("SELECT * FROM account_lockouts WHERE user_id = :userId FOR UPDATE")
    Optional<AccountLockoutRow> findByIdForUpdate(UUID userId);

    @Query("""
            UPDATE account_lockouts
            SET failures = :failures, counting_since = :countingSince, lockouts = :lockouts, locked_until = :lockedUntil
            WHERE user_id = :userId""")
    int store(UUID userId, int failures, @Nullable Instant countingSince, int lockouts, @Nullable Instant lockedUntil);

    @Query("DELETE FROM account_lockouts WHERE user_id = :userId")
    int delete(UUID userId);
}
