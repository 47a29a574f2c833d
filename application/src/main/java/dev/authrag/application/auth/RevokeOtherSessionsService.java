package dev.authrag.application.auth;

import dev.authrag.domain.session.RevokeReason;

import java.time.Clock;

/** Revokes every active session of the caller but the current one, in one step, and records each one it ended. */
public final class RevokeOtherSessionsService implements RevokeOtherSessions {

    private final SessionEnding sessionEnding;
    private final Clock clock;

    public RevokeOtherSessionsService(SessionEnding sessionEnding, Clock clock) {
        this.sessionEnding = sessionEnding;
        this.clock = clock;
    }

    @Override
    public int revokeOthers(Caller caller) {
        return sessionEnding.endOthers(caller.user(), caller.session(), clock.instant(), RevokeReason.OTHERS_REVOKED,
                caller.client()).size();
    }
}
