package dev.authrag.application.audit;

import dev.authrag.application.audit.AuditTrail.Position;
import dev.authrag.domain.audit.SecurityEvent;

import java.util.List;
import java.util.Optional;

/** Reads a page of the owner's events; asks the trail for one more than the page to know whether another follows. */
public final class ListSecurityEventsService implements ListSecurityEvents {

    private final AuditTrail trail;

    public ListSecurityEventsService(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public Page list(Query query) {
        List<SecurityEvent> found = trail.newestFirst(query.owner(), query.after(), query.limit() + 1);
        if (found.size() <= query.limit()) {
            return new Page(found, Optional.empty());
        }
        List<SecurityEvent> page = found.subList(0, query.limit());
        return new Page(page, Optional.of(Position.of(page.get(page.size() - 1))));
    }
}
