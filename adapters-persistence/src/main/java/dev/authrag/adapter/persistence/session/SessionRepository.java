package dev.authrag.adapter.persistence.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Micronaut Data access to {@code sessions}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface SessionRepository extends GenericRepository<SessionRow, UUID> {

    /** The address is bound as text and cast, since a bound String is varchar, not inet. */
    @Query("""
            INSERT INTO sessions (id, user_id, token_hash, created_at, last_used_at, idle_expires_at,
                                  absolute_expires_at, revoked_at, revoke_reason, ip_address, user_agent)
            VALUES (:id, :userId, :tokenHash, :createdAt, :lastUsedAt, :idleExpiresAt,
                    :absoluteExpiresAt, :revokedAt, :revokeReason, CAST(:ipAddress AS inet), :userAgent)""")
    void insert(UUID id, UUID userId, String tokenHash, Instant createdAt, Instant lastUsedAt,
                Instant idleExpiresAt, Instant absoluteExpiresAt, @Nullable Instant revokedAt, @Nullable String revokeReason,
                @Nullable String ipAddress, @Nullable String userAgent);

    Optional<SessionRow> findByTokenHash(String tokenHash);

    Optional<SessionRow> findById(UUID id);

    @Query("""
            UPDATE sessions SET last_used_at = :lastUsedAt, idle_expires_at = :idleExpiresAt
            WHERE id = :id AND revoked_at IS NULL""")
    int recordUse(UUID id, Instant lastUsedAt, Instant idleExpiresAt);

    @Query("""
            UPDATE sessions SET revoked_at = :revokedAt, revoke_reason = :revokeReason
            WHERE id = :id AND revoked_at IS NULL""")
    int revoke(UUID id, Instant revokedAt, String revokeReason);

    @Query("SELECT id FROM sessions WHERE revoked_at >= :since")
    java.util.List<UUID> findIdByRevokedAtGreaterThanEquals(Instant since);
}
