package dev.authrag.domain.auth;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The one exception family of authentication and account rules. The web adapter maps each
 * {@link Reason} to a status and a stable error code, once, in a switch.
 */
public final class AuthException extends RuntimeException {

    /** Why a request was refused. Credential failures share one reason so callers cannot tell them apart. */
    public enum Reason {
        INVALID_EMAIL,
        WEAK_PASSWORD,
        INVALID_NAME,
        EMAIL_TAKEN,
        INVALID_CREDENTIALS,
        UNAUTHENTICATED,
        SESSION_NOT_FOUND,
        /** A signed-in user confirmed a change with the wrong current password. */
        WRONG_CURRENT_PASSWORD,
        RATE_LIMITED,
        /** Storage lookups of credentials memory does not know are at their bound: retry shortly (503). */
        BUSY
    }

    private final Reason reason;
    private final List<String> details;
    private final Duration retryAfter;

    public AuthException(Reason reason, String message) {
        this(reason, message, List.of());
    }

    public AuthException(Reason reason, String message, List<String> details) {
        this(reason, message, details, null);
    }

    private AuthException(Reason reason, String message, List<String> details, Duration retryAfter) {
        super(message, null, false, false);
        this.reason = reason;
        this.details = List.copyOf(details);
        this.retryAfter = retryAfter;
    }

    /** Too many attempts: RATE_LIMITED, with how long the client must wait (positive). */
    public static AuthException rateLimited(String message, Duration retryAfter) {
        if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("a rate-limit refusal needs a positive wait");
        }
        return new AuthException(Reason.RATE_LIMITED, message, List.of(), retryAfter);
    }

    /** Credential lookups at their bound: BUSY, with how long the client should wait (positive). */
    public static AuthException busy(String message, Duration retryAfter) {
        if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("a busy refusal needs a positive wait");
        }
        return new AuthException(Reason.BUSY, message, List.of(), retryAfter);
    }

    public Reason reason() {
        return reason;
    }

    /** Machine-readable particulars, for example the password policy's failed checks. */
    public List<String> details() {
        return details;
    }

    /** How long to wait before trying again; present for RATE_LIMITED only. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
