package dev.authrag.adapter.web.audit;

import dev.authrag.adapter.web.problem.InvalidParameterException;
import dev.authrag.application.audit.ListSecurityEvents;
import dev.authrag.domain.user.UserId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.util.UUID;

/** The caller's own security events, newest first, a page at a time (keyset pagination: JDBC, so blocking). */
@Controller("/api/auth/events")
@Produces(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SecurityEventsController {

    private final ListSecurityEvents listSecurityEvents;

    SecurityEventsController(ListSecurityEvents listSecurityEvents) {
        this.listSecurityEvents = listSecurityEvents;
    }

    /** Query values arrive as text so that a malformed one is answered with its name, not a generic conversion error. */
    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    SecurityEventsResponse list(Authentication authentication, @QueryValue @Nullable String limit,
                                @QueryValue @Nullable String before) {
        ListSecurityEvents.Query query = new ListSecurityEvents.Query(new UserId(UUID.fromString(authentication.getName())),
                parseLimit(limit), before == null ? null : EventCursor.decode(before)
                        .orElseThrow(() -> new InvalidParameterException("before", "is not a cursor this service issued")));
        return SecurityEventsResponse.from(listSecurityEvents.list(query));
    }

    private static int parseLimit(String limit) {
        if (limit == null) {
            return ListSecurityEvents.DEFAULT_LIMIT;
        }
        try {
            int parsed = Integer.parseInt(limit.strip());
            if (parsed >= 1 && parsed <= ListSecurityEvents.MAX_LIMIT) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw new InvalidParameterException("limit", "must be a whole number from 1 to " + ListSecurityEvents.MAX_LIMIT);
    }
}
