package dev.authrag.application.audit;

import dev.authrag.application.audit.AuditTrail.Position;
import dev.authrag.domain.audit.SecurityEvent;
import dev.authrag.domain.user.UserId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Use case: the caller's own security events, newest first, one page at a time. */
public interface ListSecurityEvents {

    int DEFAULT_LIMIT = 20;
    int MAX_LIMIT = 100;

    Page list(Query query);

    /** Whose events, how many ({@code 1..MAX_LIMIT}), and after which one (null for the newest). */
    record Query(UserId owner, int limit, Position after) {

        public Query {
            Objects.requireNonNull(owner, "owner");
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must lie between 1 and " + MAX_LIMIT + "; got " + limit);
            }
        }
    }

    /** One page, and where the next one starts when there is more. */
    record Page(List<SecurityEvent> events, Optional<Position> next) {

        public Page {
            events = List.copyOf(events);
            Objects.requireNonNull(next, "next");
        }
    }
}
