package dev.authrag.domain.session;

import dev.authrag.domain.user.UserId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A signed-in session: a sliding idle expiry bounded by an absolute one, revocable at any time.
 * Immutable; every change returns a new instance.
 */
public final class Session {

    private final SessionId id;
    private final UserId userId;
    private final TokenHash tokenHash;
    private final Instant createdAt;
    private final Instant lastUsedAt;
    private final Instant idleExpiresAt;
    private final Instant absoluteExpiresAt;
    private final Instant revokedAt;
    private final RevokeReason revokeReason;
    private final ClientInfo client;

    private Session(SessionId id, UserId userId, TokenHash tokenHash, Instant createdAt, Instant lastUsedAt,
                    Instant idleExpiresAt, Instant absoluteExpiresAt, Instant revokedAt, RevokeReason revokeReason,
                    ClientInfo client) {
        this.id = Objects.requireNonNull(id);
        this.userId = Objects.requireNonNull(userId);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.lastUsedAt = Objects.requireNonNull(lastUsedAt);
        this.idleExpiresAt = Objects.requireNonNull(idleExpiresAt);
        this.absoluteExpiresAt = Objects.requireNonNull(absoluteExpiresAt);
        this.revokedAt = revokedAt;
        this.revokeReason = revokeReason;
        this.client = client == null ? ClientInfo.unknown() : client;
    }

    /** A new session for a successful sign-in. */
    public static Session start(SessionId id, UserId userId, TokenHash tokenHash, ClientInfo client,
                                Instant now, SessionPolicy policy) {
        Instant absolute = now.plus(policy.absoluteLifetime());
        Instant idle = min(now.plus(policy.idleTimeout()), absolute);
        return new Session(id, userId, tokenHash, now, now, idle, absolute, null, null, client);
    }

    /** A session read back from storage. */
    public static Session restore(SessionId id, UserId userId, TokenHash tokenHash, Instant createdAt,
                                  Instant lastUsedAt, Instant idleExpiresAt, Instant absoluteExpiresAt,
                                  Instant revokedAt, RevokeReason revokeReason, ClientInfo client) {
        return new Session(id, userId, tokenHash, createdAt, lastUsedAt, idleExpiresAt, absoluteExpiresAt,
                revokedAt, revokeReason, client);
    }

    /** Usable now: not revoked, and neither the idle nor the absolute expiry has passed. */
    public boolean isActiveAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt());
    }

    /** The moment this session stops working if it is not used again. */
    public Instant expiresAt() {
        return min(idleExpiresAt, absoluteExpiresAt);
    }

    /**
     * Records a use. The idle expiry slides forward, but at most once per {@code updateAge} and never past
     * the absolute expiry; empty when nothing needs writing.
     */
    public Optional<Session> touch(Instant now, SessionPolicy policy) {
        if (!isActiveAt(now) || now.isBefore(lastUsedAt.plus(policy.updateAge()))) {
            return Optional.empty();
        }
        Instant idle = min(now.plus(policy.idleTimeout()), absoluteExpiresAt);
        return Optional.of(new Session(id, userId, tokenHash, createdAt, now, idle, absoluteExpiresAt,
                null, null, client));
    }

    /** Ends the session now; revoking an already revoked session keeps the first revocation. */
    public Session revoke(Instant now, RevokeReason reason) {
        if (revokedAt != null) {
            return this;
        }
        return new Session(id, userId, tokenHash, createdAt, lastUsedAt, idleExpiresAt, absoluteExpiresAt,
                now, Objects.requireNonNull(reason), client);
    }

    /**
     * Finished before {@code instant}: revoked, or expired, before it. Such a session can never work again and,
     * once long enough ago, is only kept for the user's audit view until housekeeping deletes it.
     */
    public boolean hasEndedBefore(Instant instant) {
        return (revokedAt != null && revokedAt.isBefore(instant)) || expiresAt().isBefore(instant);
    }

    public boolean isOwnedBy(UserId user) {
        return userId.equals(user);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    public SessionId id() {
        return id;
    }

    public UserId userId() {
        return userId;
    }

    public TokenHash tokenHash() {
        return tokenHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant idleExpiresAt() {
        return idleExpiresAt;
    }

    public Instant absoluteExpiresAt() {
        return absoluteExpiresAt;
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    public Optional<RevokeReason> revokeReason() {
        return Optional.ofNullable(revokeReason);
    }

    public ClientInfo client() {
        return client;
    }
}
