package dev.authrag.bootstrap.audit;

import dev.authrag.adapter.persistence.audit.JdbcAuditTrail;
import dev.authrag.application.audit.AuditTrail;
import dev.authrag.application.audit.ListSecurityEvents;
import dev.authrag.application.audit.ListSecurityEventsService;
import dev.authrag.application.audit.PurgeSecurityEvents;
import dev.authrag.application.audit.PurgeSecurityEventsService;
import dev.authrag.bootstrap.settings.Setting;
import dev.authrag.bootstrap.metrics.AuthMetrics;
import dev.authrag.bootstrap.metrics.CountedAuditTrail;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Wires the audit trail: the logging decorator around the PostgreSQL store (and the sign-in counter around both), the
 * events list, the retention purge.
 */
@Factory
class AuditFactory {

    /** Rows per DELETE: small enough to keep each statement's locks and WAL short. */
    static final int PURGE_BATCH = 1_000;

    @Singleton
    @Primary
    AuditTrail auditTrail(JdbcAuditTrail store, AuthMetrics metrics) {
        return new CountedAuditTrail(new LoggedAuditTrail(store), metrics);
    }

    @Singleton
    ListSecurityEvents listSecurityEvents(AuditTrail trail) {
        return new ListSecurityEventsService(trail);
    }

    @Singleton
    PurgeSecurityEvents purgeSecurityEvents(JdbcAuditTrail store, AuditSettings settings, Clock clock) {
        return new PurgeSecurityEventsService(store, Setting.duration("AUDIT_RETENTION", settings.retention()), clock,
                PURGE_BATCH);
    }
}
