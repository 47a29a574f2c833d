package dev.authrag.application.archfixture;

import dev.authrag.application.auth.Sessions;
import dev.authrag.domain.session.RevokeReason;
import dev.authrag.domain.session.Session;

import java.time.Instant;

/**
 * Deliberately breaks the one-way-to-end-a-session rule: a use case revoking through the store itself, so this
 * instance's memory and the audit trail never hear of it. Lives in test sources only; the real suite never imports it.
 */
public class UseCaseEndingASessionByItself {

    private final Sessions sessions;

    public UseCaseEndingASessionByItself(Sessions sessions) {
        this.sessions = sessions;
    }

    public void signOut(Session session) {
        sessions.revoke(session.revoke(Instant.EPOCH, RevokeReason.SIGNED_OUT));
    }
}
