package dev.authrag.adapter.web.http.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.authrag.application.auth.RegisterUser;
import dev.authrag.application.auth.SignIn;
import dev.authrag.application.auth.VerifySession.CurrentSession;
import dev.authrag.application.token.IssueAccessToken;
import dev.authrag.domain.session.ClientInfo;
import dev.authrag.domain.session.Session;
import dev.authrag.domain.user.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The JSON bodies of the /api/auth routes, as ../shared/CONTRACT.md names them. */
final class AuthMessages {

    private AuthMessages() {
    }

    /*
     * Request fields are @Nullable so that a missing one reaches the domain's own 400 (invalid_email, weak_password);
     * the OpenAPI document still calls them required and not nullable, as the contract does.
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record RegisterRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = false) @Nullable String email,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = false) @Nullable String password,
                           @Nullable String name) {

        RegisterUser.Command toCommand(ClientInfo client) {
            return new RegisterUser.Command(email, password, name, client);
        }

        @Override
        public String toString() {
            return "RegisterRequest[email=" + email + "]";
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record RegisterResponse(UUID userId, String email, @Nullable String name, Instant createdAt, String message) {

        static RegisterResponse from(User user) {
            return new RegisterResponse(user.id().value(), user.email().value(), user.name().orElse(null),
                    seconds(user.createdAt()), "Registration successful");
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record SignInRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = false) @Nullable String email,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = false) @Nullable String password) {

        @Override
        public String toString() {
            return "SignInRequest[email=" + email + "]";
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record SessionSummary(UUID id, Instant expiresAt) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SignInResponse(UUID userId, String email, @Nullable String name, String message, String sessionToken,
                          SessionSummary session, String accessToken, String tokenType, long expiresIn) {

        static SignInResponse from(SignIn.SignedIn signedIn, IssueAccessToken.AccessToken accessToken) {
            User user = signedIn.user();
            Session session = signedIn.session();
            return new SignInResponse(user.id().value(), user.email().value(), user.name().orElse(null),
                    "Signed in", signedIn.token().reveal(),
                    new SessionSummary(session.id().value(), seconds(session.expiresAt())),
                    accessToken.value(), "Bearer", accessToken.claims().lifetimeSeconds());
        }

        @Override
        public String toString() {
            return "SignInResponse[userId=" + userId + "]";
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record MessageResponse(String message) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record TokenResponse(String accessToken, String tokenType, long expiresIn) {

        static TokenResponse from(IssueAccessToken.AccessToken token) {
            return new TokenResponse(token.value(), "Bearer", token.claims().lifetimeSeconds());
        }

        @Override
        public String toString() {
            return "TokenResponse[expiresIn=" + expiresIn + "]";
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record VerifiedUser(UUID id, String email, @Nullable String name, Instant createdAt) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record VerifiedSession(UUID id, Instant createdAt, Instant expiresAt) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record VerifyResponse(VerifiedUser user, VerifiedSession session) {

        static VerifyResponse from(CurrentSession current) {
            User user = current.user();
            Session session = current.session();
            return new VerifyResponse(
                    new VerifiedUser(user.id().value(), user.email().value(), user.name().orElse(null), seconds(user.createdAt())),
                    new VerifiedSession(session.id().value(), seconds(session.createdAt()), seconds(session.expiresAt())));
        }
    }

    /** The contract shows whole-second UTC timestamps. */
    static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
