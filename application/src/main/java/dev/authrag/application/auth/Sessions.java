package dev.authrag.application.auth;

import dev.authrag.domain.session.RevokeReason;
import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.SessionLimit;
import dev.authrag.domain.session.TokenHash;
import dev.authrag.domain.user.UserId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Driven port: the sessions, looked up by the hash of their token. */
public interface Sessions {

    void add(Session session);

    Optional<Session> findByTokenHash(TokenHash tokenHash);

    Optional<Session> findById(SessionId id);

    /** Stores a use recorded by {@link Session#touch}: last use and the slid idle expiry. */
    void recordUse(Session touched);

    /** Stores a revocation; false when the session was already revoked (by another request or instance). */
    boolean revoke(Session revoked);

    /**
     * Sessions whose revocation the store recorded within {@code lookBack} of its own current time, by any instance
     * (for {@link SessionMemory}). The store's clock, not the caller's: instances whose clocks differ still see each
     * other's revocations.
     */
    List<SessionId> revokedWithin(Duration lookBack);

    /** The user's sessions active at {@code now} (as {@link Session#isActiveAt} decides), newest first. */
    List<Session> activeOf(UserId user, Instant now);

    /**
     * Stores a new session and, atomically with it, revokes the user's oldest other sessions active at its start so
     * that at most {@code limit} remain (reason {@code SESSION_LIMIT}, at the new session's start). Concurrent
     * sign-ins of one user cannot leave more than the limit active. Returns the ids it revoked.
     */
    List<SessionId> addWithinLimit(Session session, SessionLimit limit);

    /** Revokes every session of the user active at {@code now} except {@code keep}; returns the ids it revoked. */
    List<SessionId> revokeOthers(UserId user, SessionId keep, Instant now, RevokeReason reason);

    /**
     * Deletes at most {@code batchSize} sessions that ended before {@code cutoff} (as {@link Session#hasEndedBefore}
     * decides); returns how many it deleted, so a caller repeats while a full batch comes back.
     */
    int deleteEndedBefore(Instant cutoff, int batchSize);
}
