package dev.authrag.adapter.persistence.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Micronaut Data access to {@code audit_events}: insert, read and the retention delete; never UPDATE. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AuditEventRepository extends GenericRepository<AuditEventRow, UUID> {

    /** The address is bound as text and cast, since a bound String is varchar, not inet. */
    @Query("""
            INSERT INTO audit_events (id, occurred_at, type, outcome, reason, user_id, session_id, ip, user_agent, request_id)
            VALUES (:id, :occurredAt, :type, :outcome, :reason, :userId, :sessionId, CAST(:ip AS inet), :userAgent, :requestId)""")
    void insert(UUID id, Instant occurredAt, String type, String outcome, @Nullable String reason,
                @Nullable UUID userId, @Nullable UUID sessionId, @Nullable String ip, @Nullable String userAgent,
                @Nullable String requestId);

    @Query(value = """
            SELECT id, occurred_at, type, outcome, reason, user_id, session_id, host(ip) AS ip, user_agent, request_id
            FROM audit_events WHERE user_id = :userId
            ORDER BY occurred_at DESC, id DESC LIMIT :limit""", readOnly = true)
    List<AuditEventRow> newestFirst(UUID userId, int limit);

    /** Row comparison (a, b) < (x, y) walks the (user_id, occurred_at DESC, id DESC) index from the cursor on. */
    @Query(value = """
            SELECT id, occurred_at, type, outcome, reason, user_id, session_id, host(ip) AS ip, user_agent, request_id
            FROM audit_events WHERE user_id = :userId AND (occurred_at, id) < (:occurredAt, :id)
            ORDER BY occurred_at DESC, id DESC LIMIT :limit""", readOnly = true)
    List<AuditEventRow> newestFirstAfter(UUID userId, Instant occurredAt, UUID id, int limit);

    /**
     * SKIP LOCKED lets two instances purge at once without waiting on each other's batch. {@code = ANY(ARRAY(...))}
     * keeps the delete on the primary key whatever the planner estimates ({@code IN (...)} became a sequential scan
     * of the table per batch at 200k rows).
     */
    @Query("""
            DELETE FROM audit_events WHERE id = ANY (ARRAY(
                SELECT id FROM audit_events WHERE occurred_at < :cutoff
                ORDER BY occurred_at LIMIT :batch FOR UPDATE SKIP LOCKED))""")
    int deleteBefore(Instant cutoff, int batch);
}
