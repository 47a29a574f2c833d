package dev.authrag.application.auth;

import dev.authrag.application.audit.AuditTrail;
import dev.authrag.domain.audit.SecurityEvent;
import dev.authrag.domain.session.RevokeReason;
import dev.authrag.domain.session.SessionId;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Revokes every active session of the caller but the current one, in one step, and records each one it ended. */
public final class RevokeOtherSessionsService implements RevokeOtherSessions {

    private final Sessions sessions;
    private final Clock clock;
    private final AuditTrail audit;

    public RevokeOtherSessionsService(Sessions sessions, Clock clock, AuditTrail audit) {
        this.sessions = sessions;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public int revokeOthers(Caller caller) {
        Instant now = clock.instant();
        List<SessionId> revoked = sessions.revokeOthers(caller.user(), caller.session(), now, RevokeReason.OTHERS_REVOKED);
        for (SessionId session : revoked) {
            audit.record(SecurityEvent.sessionRevoked(caller.user(), session, RevokeReason.OTHERS_REVOKED, now, caller.client()));
        }
        return revoked.size();
    }
}
