package dev.authrag.application.auth;

import dev.authrag.domain.session.RevokeReason;
import dev.authrag.domain.session.SessionId;

import java.time.Clock;

/** Revokes the caller's current session. Signing out twice is harmless. */
public final class SignOutService implements SignOut {

    private final Sessions sessions;
    private final Clock clock;

    public SignOutService(Sessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public void signOut(SessionId current) {
        sessions.findById(current)
                .map(session -> session.revoke(clock.instant(), RevokeReason.SIGNED_OUT))
                .ifPresent(sessions::revoke);
    }
}
