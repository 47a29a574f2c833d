package dev.authrag.domain.session;

import java.time.Duration;
import java.util.Objects;

/**
 * How long sessions live.
 *
 * @param idleTimeout      a session unused this long expires (sliding)
 * @param absoluteLifetime no session outlives this, however often it is used
 * @param updateAge        the idle expiry is pushed forward at most this often, to spare writes
 */
public record SessionPolicy(Duration idleTimeout, Duration absoluteLifetime, Duration updateAge) {

    public SessionPolicy {
        Objects.requireNonNull(idleTimeout, "idle timeout");
        Objects.requireNonNull(absoluteLifetime, "absolute lifetime");
        Objects.requireNonNull(updateAge, "update age");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be positive");
        }
        if (absoluteLifetime.compareTo(idleTimeout) < 0) {
            throw new IllegalArgumentException("the absolute lifetime must be at least the idle timeout");
        }
        if (updateAge.isNegative() || updateAge.compareTo(idleTimeout) >= 0) {
            throw new IllegalArgumentException("the update age must lie between zero and the idle timeout");
        }
    }

    /** 7 days idle, 30 days absolute, renewed at most once a day. */
    public static SessionPolicy standard() {
        return new SessionPolicy(Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(1));
    }
}
