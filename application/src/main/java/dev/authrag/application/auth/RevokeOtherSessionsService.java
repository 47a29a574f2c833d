package dev.authrag.application.auth;

import dev.authrag.domain.session.RevokeReason;

import java.time.Clock;

/** Revokes every active session of the caller but the current one, in one step. */
public final class RevokeOtherSessionsService implements RevokeOtherSessions {

    private final Sessions sessions;
    private final Clock clock;

    public RevokeOtherSessionsService(Sessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public int revokeOthers(Caller caller) {
        return sessions.revokeOthers(caller.user(), caller.session(), clock.instant(), RevokeReason.OTHERS_REVOKED).size();
    }
}
