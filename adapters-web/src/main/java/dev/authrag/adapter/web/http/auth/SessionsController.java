package dev.authrag.adapter.web.http.auth;

import dev.authrag.adapter.web.http.request.ClientAddress;
import dev.authrag.adapter.web.http.session.SessionCookie;
import dev.authrag.adapter.web.http.session.SessionCookieTokenReader;
import dev.authrag.adapter.web.http.session.SessionPrincipal;

import dev.authrag.adapter.web.http.auth.SessionMessages.ChangePasswordRequest;
import dev.authrag.adapter.web.http.auth.SessionMessages.ChangePasswordResponse;
import dev.authrag.adapter.web.http.auth.SessionMessages.RevokedResponse;
import dev.authrag.adapter.web.http.auth.SessionMessages.SessionListResponse;
import dev.authrag.adapter.web.http.docs.Credentials;
import dev.authrag.adapter.web.http.docs.Problems;
import dev.authrag.application.auth.Caller;
import dev.authrag.application.auth.ChangePassword;
import dev.authrag.application.auth.ListSessions;
import dev.authrag.application.auth.RevokeOtherSessions;
import dev.authrag.application.auth.RevokeSession;
import dev.authrag.domain.auth.AuthException;
import dev.authrag.domain.auth.AuthException.Reason;
import dev.authrag.domain.session.ClientInfo;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.user.UserId;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Optional;
import java.util.UUID;

/**
 * The signed-in user's control over their sessions: list them, end one, end all others, and change the password
 * (which ends all others too). The caller is read from the authentication's name (the user id) and its {@code sid}
 * attribute only, which a session token and an access token both carry. Ending other sessions or changing the
 * password needs the session itself (cookie or Bearer session token): a short-lived access token, which may have been
 * handed to another service, is refused with 401. JDBC and hashing make every route blocking.
 */
@Controller("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "sessions")
public class SessionsController {

    private final ListSessions listSessions;
    private final RevokeSession revokeSession;
    private final RevokeOtherSessions revokeOtherSessions;
    private final ChangePassword changePassword;
    private final SessionCookie cookie;

    SessionsController(ListSessions listSessions, RevokeSession revokeSession, RevokeOtherSessions revokeOtherSessions,
                       ChangePassword changePassword, SessionCookie cookie) {
        this.listSessions = listSessions;
        this.revokeSession = revokeSession;
        this.revokeOtherSessions = revokeOtherSessions;
        this.changePassword = changePassword;
        this.cookie = cookie;
    }

    @Get("/sessions")
    @Operation(operationId = "listSessions", summary = "The caller's active sessions, newest first, the current one marked")
    @Credentials.Any
    SessionListResponse list(HttpRequest<?> request, Authentication authentication) {
        return SessionListResponse.from(listSessions.list(caller(request, authentication)));
    }

    /**
     * 204, or 404 {@code session_not_found} for anything but one of the caller's own active sessions (a malformed id
     * included). Ending the current session is allowed and works like a sign-out; when that session came in by the
     * cookie, the answer also clears the cookie, as sign-out does.
     */
    @Delete("/sessions/{id}")
    @Operation(operationId = "revokeSession", summary = "End one of the caller's sessions")
    @ApiResponse(responseCode = "204", description = "Ended (ending the current one also clears its cookie)")
    @Credentials.Any
    @Problems.NotFound
    @Problems.CrossSite
    HttpResponse<Void> revoke(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Caller caller = caller(request, authentication);
        SessionId target = parseId(id)
                .orElseThrow(() -> new AuthException(Reason.SESSION_NOT_FOUND, "No such session."));
        revokeSession.revoke(new RevokeSession.Command(caller, target));
        MutableHttpResponse<Void> response = HttpResponse.noContent();
        if (target.equals(caller.session()) && cameByCookie(request)) {
            response.header(HttpHeaders.SET_COOKIE, cookie.clear());
        }
        return response;
    }

    @Post("/sessions/revoke-others")
    @Operation(operationId = "revokeOtherSessions", summary = "End every session of the caller but the current one")
    @Credentials.Session
    @Problems.CrossSite
    RevokedResponse revokeOthers(HttpRequest<?> request, Authentication authentication) {
        requireSessionCredential(authentication);
        return new RevokedResponse(revokeOtherSessions.revokeOthers(caller(request, authentication)));
    }

    @Post("/change-password")
    @Operation(operationId = "changePassword", summary = "Change the password; every other session ends",
            description = "401 `invalid_credentials` also answers a wrong `current_password`, which counts towards the "
                    + "account lockout like a failed sign-in; a locked account refuses the right one the same way. "
                    + "Attempts are limited per user (`change-password-user`).")
    @Credentials.Session
    @Problems.BadRequest
    @Problems.Unavailable
    @Problems.CrossSite
    @Problems.RateLimited
    @Problems.UnsupportedMediaType
    @Consumes(MediaType.APPLICATION_JSON)
    ChangePasswordResponse changePassword(HttpRequest<?> request, Authentication authentication,
                                          @Body ChangePasswordRequest body) {
        requireSessionCredential(authentication);
        ChangePassword.Changed changed = changePassword.change(
                new ChangePassword.Command(caller(request, authentication), body.currentPassword(), body.newPassword()));
        return new ChangePasswordResponse("Password changed", changed.revokedSessions());
    }

    /** Who calls, through which session, and from where (the audit trail records it with what the call did). */
    private static Caller caller(HttpRequest<?> request, Authentication authentication) {
        ClientInfo client = ClientAddress.of(request);
        try {
            return new Caller(new UserId(UUID.fromString(authentication.getName())), SessionPrincipal.sessionId(authentication),
                    client);
        } catch (RuntimeException noSessionBehindIt) {
            // a credential that names no user or session cannot own sessions
            throw new AuthException(Reason.UNAUTHENTICATED, "Authentication is required.");
        }
    }

    private static void requireSessionCredential(Authentication authentication) {
        if (!SessionPrincipal.bySessionToken(authentication)) {
            throw new AuthException(Reason.UNAUTHENTICATED, "Use the session token for this, not an access token");
        }
    }

    /** The Authorization header wins over the cookie (see SessionCookieTokenReader), so no header means the cookie. */
    private static boolean cameByCookie(HttpRequest<?> request) {
        return request.getHeaders().getAuthorization().isEmpty() && request.getCookies().contains(SessionCookie.NAME);
    }

    /** Only the canonical text form: anything else is no session id of ours, so "not found" rather than 400. */
    private static Optional<SessionId> parseId(String raw) {
        if (raw == null || raw.length() != 36) {
            return Optional.empty();
        }
        try {
            UUID uuid = UUID.fromString(raw);
            return uuid.toString().equalsIgnoreCase(raw) ? Optional.of(new SessionId(uuid)) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
