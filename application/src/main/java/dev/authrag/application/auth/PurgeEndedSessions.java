package dev.authrag.application.auth;

/** Use case (housekeeping): delete sessions that ended long enough ago that nobody needs them any more. */
public interface PurgeEndedSessions {

    /** @return how many sessions were deleted */
    int purge();
}
