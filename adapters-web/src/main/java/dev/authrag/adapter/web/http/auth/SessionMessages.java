package dev.authrag.adapter.web.http.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.authrag.application.auth.ListSessions.ListedSession;
import dev.authrag.domain.session.Session;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.authrag.adapter.web.http.auth.AuthMessages.seconds;

/**
 * The JSON bodies of the session routes, as ../shared/CONTRACT.md names them. A listed session carries no token and
 * no hash: the records below have no field that could hold either.
 */
final class SessionMessages {

    private SessionMessages() {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ListedSessionResponse(UUID id, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
                                 @Nullable String ipAddress, @Nullable String userAgent, boolean current) {

        static ListedSessionResponse from(ListedSession listed) {
            Session session = listed.session();
            return new ListedSessionResponse(session.id().value(), seconds(session.createdAt()),
                    seconds(session.lastUsedAt()), seconds(session.expiresAt()), session.client().ipAddress(),
                    session.client().userAgent(), listed.current());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record SessionListResponse(List<ListedSessionResponse> sessions) {

        static SessionListResponse from(List<ListedSession> listed) {
            return new SessionListResponse(listed.stream().map(ListedSessionResponse::from).toList());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record RevokedResponse(int revoked) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record ChangePasswordRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = false) @Nullable String currentPassword,
                                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = false) @Nullable String newPassword) {

        @Override
        public String toString() {
            return "ChangePasswordRequest[redacted]";
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record ChangePasswordResponse(String message, int revokedSessions) {
    }
}
