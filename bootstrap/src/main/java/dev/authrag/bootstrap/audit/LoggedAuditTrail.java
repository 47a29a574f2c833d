package dev.authrag.bootstrap.audit;

import dev.authrag.adapter.web.http.request.RequestLogContextFilter;
import dev.authrag.application.audit.AuditTrail;
import dev.authrag.domain.audit.SecurityEvent;
import dev.authrag.domain.user.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;

import java.time.Instant;
import java.util.List;

/**
 * The {@link AuditTrail} the use cases get: stamps each event with the request id from the logging context, writes
 * it as one INFO line on the {@code dev.authrag.audit} logger, then stores it. A store that fails is reported at
 * ERROR with the event's fields and does not fail the request (docs/adr/0003-audit-trail.md says why).
 */
final class LoggedAuditTrail implements AuditTrail {

    static final String LOGGER = "dev.authrag.audit";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final AuditTrail store;

    LoggedAuditTrail(AuditTrail store) {
        this.store = store;
    }

    @Override
    public void record(SecurityEvent event) {
        SecurityEvent stamped = withRequestId(event);
        String previousUser = MDC.get(RequestLogContextFilter.USER_ID);
        boolean lendUser = previousUser == null && stamped.userId() != null;
        // a sign-in or registration is anonymous until it succeeds: its line still names the account
        if (lendUser) {
            MDC.put(RequestLogContextFilter.USER_ID, stamped.userId().toString());
        }
        try {
            fields(LOG.atInfo(), stamped, previousUser).log("security event {}", stamped.type().code());
            try {
                store.record(stamped);
            } catch (RuntimeException failure) {
                fields(LOG.atError().setCause(failure), stamped, previousUser)
                        .log("audit_write_failed: security event {} was logged but not stored", stamped.type().code());
            }
        } finally {
            if (lendUser) {
                MDC.remove(RequestLogContextFilter.USER_ID);
            }
        }
    }

    @Override
    public List<SecurityEvent> newestFirst(UserId owner, Position after, int limit) {
        return store.newestFirst(owner, after, limit);
    }

    @Override
    public int forgetBefore(Instant cutoff, int batch) {
        return store.forgetBefore(cutoff, batch);
    }

    /** The request id is a correlation id of the transport; it reaches here through the propagated logging context. */
    private static SecurityEvent withRequestId(SecurityEvent event) {
        String requestId = MDC.get(RequestLogContextFilter.REQUEST_ID);
        return event.requestId() != null || requestId == null ? event : event.withRequestId(requestId);
    }

    private static LoggingEventBuilder fields(LoggingEventBuilder line, SecurityEvent event, String callerUser) {
        line = line.addKeyValue("event", event.type().code())
                .addKeyValue("event_id", event.id().toString())
                .addKeyValue("outcome", event.outcome().code());
        if (event.reason() != null) {
            line = line.addKeyValue("reason", event.reason());
        }
        if (event.sessionId() != null) {
            line = line.addKeyValue("session_id", event.sessionId().toString());
        }
        if (event.client().ipAddress() != null) {
            line = line.addKeyValue("client_ip", event.client().ipAddress());
        }
        if (callerUser != null && event.userId() != null && !callerUser.equals(event.userId().toString())) {
            // user_id is the caller; an event about someone else names its subject separately
            line = line.addKeyValue("subject_user_id", event.userId().toString());
        }
        return line;
    }
}
