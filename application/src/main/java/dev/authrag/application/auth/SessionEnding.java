package dev.authrag.application.auth;

import dev.authrag.application.audit.AuditTrail;
import dev.authrag.domain.audit.SecurityEvent;
import dev.authrag.domain.audit.SecurityEvent.Type;
import dev.authrag.domain.session.ClientInfo;
import dev.authrag.domain.session.RevokeReason;
import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.SessionLimit;
import dev.authrag.domain.user.UserId;

import java.time.Instant;
import java.util.List;

/**
 * The one way a session ends: every use case that revokes sessions calls this, and it does all three parts, so none
 * can be forgotten: the store ({@link Sessions}), the audit trail (one event per session ended), and this instance's
 * {@link SessionMemory}, which refuses the session at once. Other instances learn through {@link SessionMemory#refresh}.
 * <p>
 * Inside a {@link Transactions transaction} the memory is told at once, before the commit: a rollback then only
 * refuses those sessions here until the memory forgets them (its refusal time), never the other way round. The audit
 * events follow the commit ({@link Transactions#afterCommit}), never part of it (ADR 0003).
 */
public final class SessionEnding {

    private final Sessions sessions;
    private final SessionMemory memory;
    private final AuditTrail audit;
    private final Transactions transactions;

    public SessionEnding(Sessions sessions, SessionMemory memory, AuditTrail audit, Transactions transactions) {
        this.sessions = sessions;
        this.memory = memory;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** Ends one session; false when it had already ended (by another request or instance), and then records nothing. */
    public boolean end(Session session, Instant now, RevokeReason reason, ClientInfo client) {
        boolean changed = sessions.revoke(session.revoke(now, reason));
        memory.ended(session.id(), now);
        if (changed) {
            SecurityEvent event = event(session.userId(), session.id(), reason, now, client);
            transactions.afterCommit(() -> audit.record(event));
        }
        return changed;
    }

    /** Ends every active session of the user but {@code keep}; returns the ones it ended. */
    public List<SessionId> endOthers(UserId user, SessionId keep, Instant now, RevokeReason reason, ClientInfo client) {
        return ended(user, sessions.revokeOthers(user, keep, now, reason), reason, now, client);
    }

    /**
     * Stores a new session and, atomically with it, ends the user's oldest other sessions so that at most
     * {@code limit} remain (reason {@code SESSION_LIMIT}); returns the ones it ended.
     */
    public List<SessionId> startWithinLimit(Session session, SessionLimit limit, ClientInfo client) {
        List<SessionId> ended = sessions.addWithinLimit(session, limit);
        memory.started(session);
        return ended(session.userId(), ended, RevokeReason.SESSION_LIMIT, session.createdAt(), client);
    }

    private List<SessionId> ended(UserId user, List<SessionId> ended, RevokeReason reason, Instant now, ClientInfo client) {
        for (SessionId id : ended) {
            memory.ended(id, now);
            SecurityEvent event = event(user, id, reason, now, client);
            transactions.afterCommit(() -> audit.record(event));
        }
        return ended;
    }

    private static SecurityEvent event(UserId user, SessionId id, RevokeReason reason, Instant now, ClientInfo client) {
        return reason == RevokeReason.SIGNED_OUT
                ? SecurityEvent.of(Type.SIGNOUT, now, client).withUser(user).withSession(id)
                : SecurityEvent.sessionRevoked(user, id, reason, now, client);
    }
}
