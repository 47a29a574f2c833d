package dev.authrag.application.auth;

import dev.authrag.domain.session.ClientInfo;
import dev.authrag.domain.session.RevokeReason;
import dev.authrag.domain.session.SessionId;

import java.time.Clock;
import java.time.Instant;

/** Revokes the caller's current session. Signing out twice is harmless, and only the first counts as an event. */
public final class SignOutService implements SignOut {

    private final Sessions sessions;
    private final SessionEnding sessionEnding;
    private final Clock clock;

    public SignOutService(Sessions sessions, SessionEnding sessionEnding, Clock clock) {
        this.sessions = sessions;
        this.sessionEnding = sessionEnding;
        this.clock = clock;
    }

    @Override
    public void signOut(SessionId current, ClientInfo client) {
        Instant now = clock.instant();
        sessions.findById(current).ifPresent(session -> sessionEnding.end(session, now, RevokeReason.SIGNED_OUT, client));
    }
}
