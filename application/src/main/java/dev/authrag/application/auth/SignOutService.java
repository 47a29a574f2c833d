package dev.authrag.application.auth;

import dev.authrag.application.audit.AuditTrail;
import dev.authrag.domain.audit.SecurityEvent;
import dev.authrag.domain.audit.SecurityEvent.Type;
import dev.authrag.domain.session.ClientInfo;
import dev.authrag.domain.session.RevokeReason;
import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;

import java.time.Clock;
import java.time.Instant;

/** Revokes the caller's current session. Signing out twice is harmless, and only the first counts as an event. */
public final class SignOutService implements SignOut {

    private final Sessions sessions;
    private final Clock clock;
    private final AuditTrail audit;

    public SignOutService(Sessions sessions, Clock clock, AuditTrail audit) {
        this.sessions = sessions;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public void signOut(SessionId current, ClientInfo client) {
        Instant now = clock.instant();
        sessions.findById(current)
                .map(session -> session.revoke(now, RevokeReason.SIGNED_OUT))
                .filter(sessions::revoke)
                .map(Session::userId)
                .ifPresent(user -> audit.record(SecurityEvent.of(Type.SIGNOUT, now, client).withUser(user).withSession(current)));
    }
}
