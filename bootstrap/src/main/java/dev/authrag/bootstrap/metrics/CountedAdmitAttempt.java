package dev.authrag.bootstrap.metrics;

import dev.authrag.application.ratelimit.AdmitAttempt;
import dev.authrag.bootstrap.metrics.AuthMetrics.SignInOutcome;
import dev.authrag.domain.ratelimit.Admission;
import dev.authrag.domain.ratelimit.Bucket;

import java.util.Optional;

/**
 * An {@link AdmitAttempt} decorator that counts refusals by policy, and a refused sign-in bucket as a rate-limited
 * sign-in. A refusal ends the request, so one request is counted at most once.
 */
public final class CountedAdmitAttempt implements AdmitAttempt {

    private final AdmitAttempt delegate;
    private final AuthMetrics metrics;

    public CountedAdmitAttempt(AdmitAttempt delegate, AuthMetrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public Optional<Admission> admit(Attempt attempt) {
        Optional<Admission> admission = delegate.admit(attempt);
        admission.filter(answer -> !answer.allowed()).ifPresent(refused -> {
            metrics.rejected(refused.bucket());
            if (refused.bucket() == Bucket.SIGNIN_IP || refused.bucket() == Bucket.SIGNIN_EMAIL) {
                metrics.signIn(SignInOutcome.RATE_LIMITED);
            }
        });
        return admission;
    }
}
