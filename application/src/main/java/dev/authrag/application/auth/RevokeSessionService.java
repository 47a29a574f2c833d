package dev.authrag.application.auth;

import dev.authrag.domain.auth.AuthException;
import dev.authrag.domain.auth.AuthException.Reason;
import dev.authrag.domain.session.RevokeReason;
import dev.authrag.domain.session.Session;

import java.time.Clock;
import java.time.Instant;

/** Revokes one of the caller's own active sessions; anything else is "not found", never "forbidden". */
public final class RevokeSessionService implements RevokeSession {

    private final Sessions sessions;
    private final SessionEnding sessionEnding;
    private final Clock clock;

    public RevokeSessionService(Sessions sessions, SessionEnding sessionEnding, Clock clock) {
        this.sessions = sessions;
        this.sessionEnding = sessionEnding;
        this.clock = clock;
    }

    @Override
    public void revoke(Command command) {
        Instant now = clock.instant();
        Session target = sessions.findById(command.target())
                .filter(session -> session.isOwnedBy(command.caller().user()))
                .filter(session -> session.isActiveAt(now))
                .orElseThrow(RevokeSessionService::notFound);
        // false: another request or instance revoked it first, so it is no longer an active session of the caller's
        if (!sessionEnding.end(target, now, RevokeReason.REVOKED_BY_USER, command.caller().client())) {
            throw notFound();
        }
    }

    private static AuthException notFound() {
        return new AuthException(Reason.SESSION_NOT_FOUND, "No such session.");
    }
}
