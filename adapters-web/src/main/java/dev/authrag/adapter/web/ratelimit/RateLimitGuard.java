package dev.authrag.adapter.web.ratelimit;

import dev.authrag.adapter.web.auth.ClientAddress;
import dev.authrag.application.ratelimit.AdmitAttempt;
import dev.authrag.application.ratelimit.AdmitAttempt.Attempt;
import dev.authrag.domain.ratelimit.Admission;
import dev.authrag.domain.ratelimit.Bucket;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies one bucket's limit to a request: asks {@link AdmitAttempt}, keeps the answer on the request for the
 * {@code RateLimit} header, and refuses a request over the limit with AuthException RATE_LIMITED (a 429). JDBC:
 * call it from a blocking thread only.
 */
@Singleton
public final class RateLimitGuard {

    private static final String ADMISSIONS = "authrag.rate-limit.admissions";

    private final AdmitAttempt admitAttempt;

    RateLimitGuard(AdmitAttempt admitAttempt) {
        this.admitAttempt = admitAttempt;
    }

    /** @throws dev.authrag.domain.auth.AuthException RATE_LIMITED when the bucket refuses the attempt */
    public void check(HttpRequest<?> request, Bucket bucket, String subject) {
        admitAttempt.admit(new Attempt(bucket, subject, ClientAddress.of(request))).ifPresent(admission -> {
            admissions(request).add(admission);
            admission.requireAllowed();
        });
    }

    /** The admissions given to this request so far, in order. */
    @SuppressWarnings("unchecked")
    static List<Admission> admissions(HttpRequest<?> request) {
        return request.getAttribute(ADMISSIONS, List.class).orElseGet(() -> {
            List<Admission> admissions = new ArrayList<>(2);
            request.setAttribute(ADMISSIONS, admissions);
            return admissions;
        });
    }
}
