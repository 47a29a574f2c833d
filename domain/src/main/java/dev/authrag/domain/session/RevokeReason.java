package dev.authrag.domain.session;

import java.util.Locale;

/** Why a session ended before it expired; stored and shown in the audit trail. */
public enum RevokeReason {
    SIGNED_OUT,
    REVOKED_BY_USER,
    OTHERS_REVOKED,
    PASSWORD_CHANGED,
    SESSION_LIMIT;

    /** The snake_case code the audit trail gives as a {@code session_revoked} event's reason. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
