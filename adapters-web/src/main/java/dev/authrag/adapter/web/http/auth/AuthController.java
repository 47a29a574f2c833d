package dev.authrag.adapter.web.http.auth;

import dev.authrag.adapter.web.http.request.ClientAddress;
import dev.authrag.adapter.web.http.session.SessionCookie;
import dev.authrag.adapter.web.http.session.SessionPrincipal;

import dev.authrag.adapter.web.http.auth.AuthMessages.MessageResponse;
import dev.authrag.adapter.web.http.auth.AuthMessages.RegisterRequest;
import dev.authrag.adapter.web.http.auth.AuthMessages.RegisterResponse;
import dev.authrag.adapter.web.http.auth.AuthMessages.SignInRequest;
import dev.authrag.adapter.web.http.auth.AuthMessages.SignInResponse;
import dev.authrag.adapter.web.http.auth.AuthMessages.TokenResponse;
import dev.authrag.adapter.web.http.docs.Credentials;
import dev.authrag.adapter.web.http.docs.Problems;
import dev.authrag.adapter.web.http.problem.Problem;
import dev.authrag.adapter.web.http.ratelimit.RateLimitGuard;
import dev.authrag.application.auth.RegisterUser;
import dev.authrag.application.auth.SignIn;
import dev.authrag.application.auth.SignOut;
import dev.authrag.application.auth.VerifySession;
import dev.authrag.application.auth.VerifySession.CurrentSession;
import dev.authrag.application.token.IssueAccessToken;
import dev.authrag.domain.auth.AuthException;
import dev.authrag.domain.auth.AuthException.Reason;
import dev.authrag.domain.ratelimit.Bucket;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;


/** Registration, sign-in, sign-out, verification and access tokens. Hashing and JDBC make every route blocking. */
@Controller("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "auth")
public class AuthController {

    private final RegisterUser registerUser;
    private final SignIn signIn;
    private final SignOut signOut;
    private final VerifySession verifySession;
    private final IssueAccessToken issueAccessToken;
    private final SessionCookie cookie;
    private final RateLimitGuard rateLimit;

    AuthController(RegisterUser registerUser, SignIn signIn, SignOut signOut, VerifySession verifySession,
                   IssueAccessToken issueAccessToken, SessionCookie cookie, RateLimitGuard rateLimit) {
        this.registerUser = registerUser;
        this.signIn = signIn;
        this.signOut = signOut;
        this.verifySession = verifySession;
        this.issueAccessToken = issueAccessToken;
        this.cookie = cookie;
        this.rateLimit = rateLimit;
    }

    @Post("/register")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(operationId = "register", summary = "Create an account")
    @ApiResponse(responseCode = "201", description = "Registered; sign in next",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegisterResponse.class)))
    @ApiResponse(responseCode = "409", description = "`email_taken`: \"Email already in use\"",
            content = @Content(mediaType = Problems.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @Problems.BadRequest
    @Problems.RateLimited
    @Problems.Unavailable
    @Problems.CrossSite
    @Problems.UnsupportedMediaType
    HttpResponse<RegisterResponse> register(HttpRequest<?> request, @Body RegisterRequest body) {
        return HttpResponse.status(HttpStatus.CREATED)
                .body(RegisterResponse.from(registerUser.register(body.toCommand(ClientAddress.of(request)))));
    }

    @Post("/sign-in")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(operationId = "signIn", summary = "Sign in: a new session (cookie and token) and an access token")
    @ApiResponse(responseCode = "200", description = "Signed in",
            headers = @Header(name = "Set-Cookie", description = "`session_token=...; HttpOnly; Secure; Path=/; SameSite=Lax`",
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignInResponse.class)))
    @ApiResponse(responseCode = "401", description = "`invalid_credentials`: \"Invalid email or password\", the same "
            + "for an unknown email, a wrong password and a locked account",
            content = @Content(mediaType = Problems.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @Problems.BadRequest
    @Problems.RateLimited
    @Problems.Unavailable
    @Problems.CrossSite
    @Problems.UnsupportedMediaType
    HttpResponse<SignInResponse> signIn(HttpRequest<?> request, @Body SignInRequest body) {
        // before any hashing, so a flood against one mailbox costs no CPU; counted whether or not the account exists
        rateLimit.check(request, Bucket.SIGNIN_EMAIL, body.email());
        SignIn.SignedIn signedIn = signIn.signIn(new SignIn.Command(body.email(), body.password(), ClientAddress.of(request)));
        IssueAccessToken.AccessToken accessToken = issueAccessToken.issue(signedIn.session());
        return HttpResponse.ok(SignInResponse.from(signedIn, accessToken))
                .header(HttpHeaders.SET_COOKIE, cookie.issue(signedIn.token()));
    }

    @Post("/sign-out")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(operationId = "signOut", summary = "End the current session and clear the cookie")
    @ApiResponse(responseCode = "200", description = "Signed out; `Set-Cookie` clears the cookie (Max-Age=0)",
            headers = @Header(name = "Set-Cookie", schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MessageResponse.class)))
    @Credentials.Session
    @Problems.CrossSite
    HttpResponse<MessageResponse> signOut(HttpRequest<?> request, Authentication authentication) {
        requireSessionCredential(authentication);
        signOut.signOut(SessionPrincipal.sessionId(authentication), ClientAddress.of(request));
        return HttpResponse.ok(new MessageResponse("Signed out")).header(HttpHeaders.SET_COOKIE, cookie.clear());
    }

    /** A fresh access token for the session the caller holds (cookie or Bearer session token). */
    @Post("/token")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(operationId = "issueAccessToken", summary = "A fresh access token for the current session")
    @Credentials.Session
    @Problems.CrossSite
    @Problems.RateLimited
    TokenResponse token(Authentication authentication) {
        requireSessionCredential(authentication);
        return TokenResponse.from(issueAccessToken.issue(currentSession(authentication).session()));
    }

    private CurrentSession currentSession(Authentication authentication) {
        return SessionPrincipal.current(authentication)
                .or(() -> verifySession.current(SessionPrincipal.sessionId(authentication)))
                .orElseThrow(() -> new AuthException(Reason.UNAUTHENTICATED, "Authentication is required."));
    }

    /** Managing the session itself needs the session credential; an access token is only a short-lived copy of it. */
    private static void requireSessionCredential(Authentication authentication) {
        if (!SessionPrincipal.bySessionToken(authentication)) {
            throw new AuthException(Reason.UNAUTHENTICATED, "Use the session token (cookie or Bearer) for this route, not an access token.");
        }
    }
}
