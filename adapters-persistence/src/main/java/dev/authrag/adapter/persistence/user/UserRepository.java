package dev.authrag.adapter.persistence.user;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Micronaut Data access to {@code users}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface UserRepository extends GenericRepository<UserRow, UUID> {

    /** Inserts unless the email exists; 0 rows means it was taken. No exception, so no aborted transaction. */
    @Query("""
            INSERT INTO users (id, email, name, password_hash, created_at, updated_at)
            VALUES (:id, :email, :name, :passwordHash, :createdAt, :updatedAt)
            ON CONFLICT (email) DO NOTHING""")
    int insertIfAbsent(UUID id, String email, @Nullable String name, String passwordHash, Instant createdAt, Instant updatedAt);

    Optional<UserRow> findByEmail(String email);

    Optional<UserRow> findById(UUID id);

    /** Compare-and-set: writes only while the stored hash is still {@code expected}. */
    @Query("""
            UPDATE users SET password_hash = :passwordHash, updated_at = :updatedAt
            WHERE id = :id AND password_hash = :expected""")
    int replacePasswordHash(UUID id, String passwordHash, Instant updatedAt, String expected);

    /** Locks the account's row until the transaction ends, when its hash is still {@code passwordHash}. */
    @Query("SELECT id FROM users WHERE id = :id AND password_hash = :passwordHash FOR UPDATE")
    Optional<UUID> lockWithPassword(UUID id, String passwordHash);
}
