package dev.authrag.application.auth;

/** Use case: sign out everywhere else, keeping only the session the caller is using. */
public interface RevokeOtherSessions {

    /** @return how many sessions were revoked */
    int revokeOthers(Caller caller);
}
