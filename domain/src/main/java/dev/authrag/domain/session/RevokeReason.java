package dev.authrag.domain.session;

/** Why a session ended before it expired; stored and shown in the audit trail. */
public enum RevokeReason {
    SIGNED_OUT,
    REVOKED_BY_USER,
    OTHERS_REVOKED,
    PASSWORD_CHANGED,
    SESSION_LIMIT
}
