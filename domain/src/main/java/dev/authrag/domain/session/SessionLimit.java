package dev.authrag.domain.session;

/**
 * How many sessions one user may have active at once. A sign-in beyond the limit ends the user's oldest
 * active sessions (reason {@link RevokeReason#SESSION_LIMIT}), so a forgotten device cannot pile up forever.
 *
 * @param maxActive at least 1
 */
public record SessionLimit(int maxActive) {

    public static final int CEILING = 1000;

    public SessionLimit {
        if (maxActive < 1 || maxActive > CEILING) {
            throw new IllegalArgumentException("the session limit must lie within 1.." + CEILING + ", got " + maxActive);
        }
    }

    /** Ten active sessions per user. */
    public static SessionLimit standard() {
        return new SessionLimit(10);
    }
}
