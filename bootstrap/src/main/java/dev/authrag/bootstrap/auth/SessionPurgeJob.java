package dev.authrag.bootstrap.auth;

import dev.authrag.application.auth.PurgeEndedSessions;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes sessions that ended more than {@code SESSION_PURGE_AFTER} ago, hourly, on the scheduler's threads (never
 * the event loop). Every instance runs it; that is harmless, since concurrent batches skip each other's rows.
 */
@Singleton
public class SessionPurgeJob {

    private static final Logger LOG = LoggerFactory.getLogger(SessionPurgeJob.class);

    private final PurgeEndedSessions purgeEndedSessions;

    SessionPurgeJob(PurgeEndedSessions purgeEndedSessions) {
        this.purgeEndedSessions = purgeEndedSessions;
    }

    /** The first run waits a few minutes so that start-up (and a rolling deploy) is not slowed by housekeeping. */
    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    public void run() {
        try {
            int purged = purgeEndedSessions.purge();
            if (purged > 0) {
                LOG.info("Purged {} ended sessions", purged);
            }
        } catch (RuntimeException e) {
            // a database outage must not kill the schedule: the next run tries again
            LOG.warn("Session purge failed; the next run retries: {}", e.toString());
        }
    }
}
