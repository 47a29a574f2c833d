package dev.authrag.bootstrap.audit;

import dev.authrag.application.audit.PurgeSecurityEvents;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets security events older than AUDIT_RETENTION, hourly. Created with the context, so a malformed
 * AUDIT_RETENTION stops start-up instead of the first purge an hour later. Every instance runs it; the batches
 * skip each other's locked rows.
 */
@Context
class AuditPurgeJob {

    private static final Logger LOG = LoggerFactory.getLogger(AuditPurgeJob.class);

    private final PurgeSecurityEvents purge;

    AuditPurgeJob(PurgeSecurityEvents purge) {
        this.purge = purge;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    void purgeExpiredEvents() {
        try {
            int deleted = purge.purge();
            if (deleted > 0) {
                LOG.info("audit_purge: deleted {} security events older than the retention period", deleted);
            }
        } catch (RuntimeException e) {
            // the next run retries; a database outage must not end the schedule
            LOG.error("audit_purge failed: {}", e.getMessage());
        }
    }
}
