package dev.authrag.adapter.web.auth;

import dev.authrag.adapter.web.auth.AuthMessages.MessageResponse;
import dev.authrag.adapter.web.auth.AuthMessages.RegisterRequest;
import dev.authrag.adapter.web.auth.AuthMessages.RegisterResponse;
import dev.authrag.adapter.web.auth.AuthMessages.SignInRequest;
import dev.authrag.adapter.web.auth.AuthMessages.SignInResponse;
import dev.authrag.adapter.web.auth.AuthMessages.TokenResponse;
import dev.authrag.adapter.web.ratelimit.RateLimitGuard;
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


/** Registration, sign-in, sign-out, verification and access tokens. Hashing and JDBC make every route blocking. */
@Controller("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
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
    HttpResponse<RegisterResponse> register(HttpRequest<?> request, @Body RegisterRequest body) {
        return HttpResponse.status(HttpStatus.CREATED)
                .body(RegisterResponse.from(registerUser.register(body.toCommand(ClientAddress.of(request)))));
    }

    @Post("/sign-in")
    @Secured(SecurityRule.IS_ANONYMOUS)
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
    HttpResponse<MessageResponse> signOut(HttpRequest<?> request, Authentication authentication) {
        requireSessionCredential(authentication);
        signOut.signOut(SessionPrincipal.sessionId(authentication), ClientAddress.of(request));
        return HttpResponse.ok(new MessageResponse("Signed out")).header(HttpHeaders.SET_COOKIE, cookie.clear());
    }

    /** A fresh access token for the session the caller holds (cookie or Bearer session token). */
    @Post("/token")
    @Secured(SecurityRule.IS_AUTHENTICATED)
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
