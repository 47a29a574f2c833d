package dev.authrag.adapter.web.http.auth;

import dev.authrag.adapter.web.http.session.SessionPrincipal;

import dev.authrag.adapter.web.http.auth.AuthMessages.VerifyResponse;
import dev.authrag.adapter.web.http.docs.Credentials;
import dev.authrag.domain.auth.AuthException;
import dev.authrag.domain.auth.AuthException.Reason;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/auth/verify}, the route every page load calls. Both token validators resolve the caller's
 * session before the route runs, so it does no I/O and runs on the event loop: no thread hop on the hottest path.
 */
@Controller("/api/auth")
@Tag(name = "auth")
public class VerifyController {

    @Get(value = "/verify", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(operationId = "verify", summary = "Who is signed in, and with which session")
    @Credentials.Any
    VerifyResponse verify(Authentication authentication) {
        return SessionPrincipal.current(authentication)
                .map(VerifyResponse::from)
                .orElseThrow(() -> new AuthException(Reason.UNAUTHENTICATED, "Authentication is required."));
    }
}
