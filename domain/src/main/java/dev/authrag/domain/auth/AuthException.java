package dev.authrag.domain.auth;

import java.util.List;

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
        WRONG_CURRENT_PASSWORD
    }

    private final Reason reason;
    private final List<String> details;

    public AuthException(Reason reason, String message) {
        this(reason, message, List.of());
    }

    public AuthException(Reason reason, String message, List<String> details) {
        super(message, null, false, false);
        this.reason = reason;
        this.details = List.copyOf(details);
    }

    public Reason reason() {
        return reason;
    }

    /** Machine-readable particulars, for example the password policy's failed checks. */
    public List<String> details() {
        return details;
    }
}
