package dev.authrag.adapter.web.http.ratelimit;

import dev.authrag.adapter.web.http.request.ClientAddress;
import dev.authrag.application.ratelimit.AdmitAttempt;
import dev.authrag.application.ratelimit.AdmitAttempt.Attempt;
import dev.authrag.domain.ratelimit.Admission;
import dev.authrag.domain.ratelimit.Bucket;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Applies one bucket's limit to a request: asks {@link AdmitAttempt}, keeps the answer on the request for the
 * {@code RateLimit} header, and refuses a request over the limit with AuthException RATE_LIMITED (a 429). JDBC:
 * call it from a blocking thread only.
 */
@Singleton
public final class RateLimitGuard {

    private static final String ADMISSIONS = "authrag.rate-limit.admissions";

    private final AdmitAttempt admitAttempt;
    private final Scheduler blocking;

    RateLimitGuard(AdmitAttempt admitAttempt, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.admitAttempt = admitAttempt;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    /**
     * For a filter on the event loop: runs {@code checks} on the blocking pool, in the request's propagated context (its
     * log fields), then lets the request go on; a refusal they throw becomes the response. A filter method runs for
     * every request (Micronaut 4.10 does not ask a method filter's {@code ConditionalFilter}), so this way only the
     * requests of a limited route hop threads, where {@code @ExecuteOn} on the filter would move every request.
     */
    Publisher<MutableHttpResponse<?>> offEventLoop(Runnable checks, FilterContinuation<Publisher<MutableHttpResponse<?>>> chain) {
        PropagatedContext context = PropagatedContext.getOrEmpty();
        return Mono.fromRunnable(() -> {
                    try (PropagatedContext.Scope ignored = context.propagate()) {
                        checks.run();
                    }
                })
                .subscribeOn(blocking)
                .then(Mono.defer(() -> {
                    try (PropagatedContext.Scope ignored = context.propagate()) {
                        return Mono.from(chain.proceed());
                    }
                }));
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
