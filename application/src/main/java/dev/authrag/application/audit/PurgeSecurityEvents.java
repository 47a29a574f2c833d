package dev.authrag.application.audit;

/** Use case: forget the security events older than the retention period. */
public interface PurgeSecurityEvents {

    /** Returns how many events were deleted. */
    int purge();
}
