package dev.authrag.adapter.persistence.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
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
            UPDATE sessions SET revoked_at = :revokedAt, revoke_reason = :revokeReason,
                                revocation_recorded_at = clock_timestamp()
            WHERE id = :id AND revoked_at IS NULL""")
    int revoke(UUID id, Instant revokedAt, String revokeReason);

    /** The window is measured on the database's clock, the one {@code revocation_recorded_at} was written with. */
    @Query("""
            SELECT id FROM sessions
            WHERE revocation_recorded_at >= clock_timestamp() - make_interval(secs => :lookBackSeconds)""")
    List<UUID> findIdsRevokedWithin(double lookBackSeconds);

    /** Active as Session.isActiveAt decides: not revoked, and {@code now} before both expiries. */
    @Query("""
            SELECT * FROM sessions
            WHERE user_id = :userId AND revoked_at IS NULL AND idle_expires_at > :now AND absolute_expires_at > :now
            ORDER BY created_at DESC, id DESC""")
    List<SessionRow> findActiveOf(UUID userId, Instant now);

    /**
     * Locks the owner's row until the transaction ends, so that sign-ins of one user enforce the session limit one
     * after another (concurrent ones would each see too few sessions and revoke too few). Empty if the user is gone.
     */
    @Query("SELECT id FROM users WHERE id = :userId FOR UPDATE")
    Optional<UUID> lockOwner(UUID userId);

    /** Revokes the user's active sessions other than {@code keep}, except the newest {@code spare} of them. */
    @Query("""
            UPDATE sessions SET revoked_at = :now, revoke_reason = :reason, revocation_recorded_at = clock_timestamp()
            WHERE id IN (SELECT id FROM sessions
                         WHERE user_id = :userId AND id <> :keep AND revoked_at IS NULL
                           AND idle_expires_at > :now AND absolute_expires_at > :now
                         ORDER BY created_at DESC, id DESC
                         OFFSET :spare)
              AND revoked_at IS NULL
            RETURNING id""")
    List<UUID> revokeActiveOthers(UUID userId, UUID keep, Instant now, String reason, int spare);

    /** SKIP LOCKED: instances purging at the same time take different rows instead of waiting on each other. */
    @Query("""
            DELETE FROM sessions
            WHERE id IN (SELECT id FROM sessions
                         WHERE revoked_at < :cutoff OR LEAST(idle_expires_at, absolute_expires_at) < :cutoff
                         LIMIT :batchSize
                         FOR UPDATE SKIP LOCKED)""")
    int deleteEndedBefore(Instant cutoff, int batchSize);
}
