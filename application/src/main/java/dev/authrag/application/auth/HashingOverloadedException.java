package dev.authrag.application.auth;

/** Every hashing thread is busy and the wait queue is full: the request is shed (503) instead of queued. */
public final class HashingOverloadedException extends RuntimeException {

    public HashingOverloadedException() {
        super("password hashing is at capacity", null, false, false);
    }
}
