package dev.authrag.application.ratelimit;

import dev.authrag.domain.ratelimit.Admission;
import dev.authrag.domain.ratelimit.Bucket;

import java.util.Optional;

/** Use case: count an attempt against its bucket's quota and say whether it may go ahead. */
public interface AdmitAttempt {

    /** Empty when rate limiting is switched off; otherwise the admission, allowed or refused. */
    Optional<Admission> admit(Attempt attempt);

    /**
     * @param subject whom the bucket counts: a client network, an email as typed, a user id
     */
    record Attempt(Bucket bucket, String subject) {

        @Override
        public String toString() {
            return "Attempt[" + bucket.policyName() + "]";
        }
    }
}
