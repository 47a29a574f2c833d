package dev.authrag.adapter.web.http.audit;

import dev.authrag.adapter.web.http.docs.Credentials;
import dev.authrag.adapter.web.http.docs.Problems;
import dev.authrag.adapter.web.http.problem.InvalidParameterException;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.UUID;

/** The caller's own security events, newest first, a page at a time (keyset pagination: JDBC, so blocking). */
@Controller("/api/auth/events")
@Produces(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "sessions")
public class SecurityEventsController {

    private final ListSecurityEvents listSecurityEvents;

    SecurityEventsController(ListSecurityEvents listSecurityEvents) {
        this.listSecurityEvents = listSecurityEvents;
    }

    /** Query values arrive as text so that a malformed one is answered with its name, not a generic conversion error. */
    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(operationId = "listSecurityEvents", summary = "The caller's own security events, newest first",
            description = "Sign-ins (successful, failed, locked), sign-outs, registrations, revoked sessions and password "
                    + "changes of the caller's account, a page at a time.")
    @Credentials.Any
    @Problems.BadRequest
    SecurityEventsResponse list(Authentication authentication,
                                @Parameter(description = "Events per page, 1..100 (default 20)",
                                        schema = @Schema(type = "integer", minimum = "1", maximum = "100"))
                                @QueryValue @Nullable String limit,
                                @Parameter(description = "`next_before` of the previous page")
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
