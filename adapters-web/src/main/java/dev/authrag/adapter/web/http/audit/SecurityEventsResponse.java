package dev.authrag.adapter.web.http.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.authrag.application.audit.ListSecurityEvents;
import dev.authrag.domain.audit.SecurityEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** The body of GET /api/auth/events, as ../shared/CONTRACT.md names it; {@code next_before} is null on the last page. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "The caller's security events, newest first; `next_before` is the `before` of the next page, null on the last.")
record SecurityEventsResponse(List<Event> events, @Nullable String nextBefore) {

    static SecurityEventsResponse from(ListSecurityEvents.Page page) {
        return new SecurityEventsResponse(page.events().stream().map(Event::from).toList(),
                page.next().map(EventCursor::encode).orElse(null));
    }

    /** One event as its owner sees it: no user, session or request ids. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Event(UUID id, String type, Instant occurredAt, @Nullable String ipAddress, @Nullable String userAgent,
                 String outcome, @Nullable String reason) {

        static Event from(SecurityEvent event) {
            // whole seconds, like every timestamp of the contract
            return new Event(event.id(), event.type().code(), event.occurredAt().truncatedTo(ChronoUnit.SECONDS),
                    event.client().ipAddress(), event.client().userAgent(), event.outcome().code(), event.reason());
        }
    }
}
