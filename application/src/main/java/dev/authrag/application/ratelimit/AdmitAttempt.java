package dev.authrag.application.ratelimit;

import dev.authrag.domain.ratelimit.Admission;
import dev.authrag.domain.ratelimit.Bucket;
import dev.authrag.domain.session.ClientInfo;

import java.util.Optional;

/** Use case: count an attempt against its bucket's quota and say whether it may go ahead. */
public interface AdmitAttempt {

    /**
     * Empty when rate limiting is switched off; otherwise the admission, allowed or refused. A refusal is recorded in
     * the audit trail as {@code rate_limited}, at most once per bucket and quota window on each instance.
     */
    Optional<Admission> admit(Attempt attempt);

    /**
     * @param subject whom the bucket counts: a client network, an email as typed, a user id
     * @param client  where the request came from, for the audit trail
     */
    record Attempt(Bucket bucket, String subject, ClientInfo client) {

        public Attempt {
            client = client == null ? ClientInfo.unknown() : client;
        }

        /** An attempt from an unknown client. */
        public Attempt(Bucket bucket, String subject) {
            this(bucket, subject, ClientInfo.unknown());
        }

        @Override
        public String toString() {
            return "Attempt[" + bucket.policyName() + "]";
        }
    }
}
