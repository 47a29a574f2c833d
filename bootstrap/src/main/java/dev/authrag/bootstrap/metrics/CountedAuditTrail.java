package dev.authrag.bootstrap.metrics;

import dev.authrag.application.audit.AuditTrail;
import dev.authrag.bootstrap.metrics.AuthMetrics.SignInOutcome;
import dev.authrag.domain.audit.SecurityEvent;
import dev.authrag.domain.user.UserId;

import java.time.Instant;
import java.util.List;

/**
 * An {@link AuditTrail} decorator that counts sign-in outcomes from the events the sign-in use case records. The
 * events are where a locked account is told apart from a wrong password (the HTTP answer is the same by design), so
 * counting here keeps metrics out of the use case and the controller.
 */
public final class CountedAuditTrail implements AuditTrail {

    private final AuditTrail delegate;
    private final AuthMetrics metrics;

    public CountedAuditTrail(AuditTrail delegate, AuthMetrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public void record(SecurityEvent event) {
        delegate.record(event);
        switch (event.type()) {
            case SIGNIN_SUCCESS -> metrics.signIn(SignInOutcome.SUCCESS);
            case SIGNIN_FAILED -> metrics.signIn(SignInOutcome.INVALID_CREDENTIALS);
            case SIGNIN_LOCKED -> metrics.signIn(SignInOutcome.LOCKED);
            default -> {
                // other events are not sign-in outcomes; a rate-limited sign-in is counted by CountedAdmitAttempt
            }
        }
    }

    @Override
    public List<SecurityEvent> newestFirst(UserId owner, Position after, int limit) {
        return delegate.newestFirst(owner, after, limit);
    }

    @Override
    public int forgetBefore(Instant cutoff, int batch) {
        return delegate.forgetBefore(cutoff, batch);
    }
}
