package dev.authrag.application.auth;

import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.TokenHash;

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

    /** Sessions revoked at or after {@code since}, by any instance (for revocation caches). */
    List<SessionId> revokedSince(Instant since);
}
