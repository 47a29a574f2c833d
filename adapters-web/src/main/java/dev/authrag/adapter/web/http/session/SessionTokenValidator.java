package dev.authrag.adapter.web.http.session;

import dev.authrag.application.auth.VerifySession;
import dev.authrag.domain.session.SessionToken;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.ExecutorService;

/**
 * Accepts an opaque session token (from the cookie or a Bearer header) when its session is active. A token the use
 * case can answer from memory, accepted or refused, is answered at once; otherwise the lookup is JDBC, so it runs on
 * the blocking executor, never on the event loop the security filter calls it from.
 */
@Singleton
public final class SessionTokenValidator implements TokenValidator<HttpRequest<?>> {

    private final VerifySession verifySession;
    private final Scheduler blocking;

    SessionTokenValidator(VerifySession verifySession, @Named(TaskExecutors.BLOCKING) ExecutorService blockingExecutor) {
        this.verifySession = verifySession;
        this.blocking = Schedulers.fromExecutorService(blockingExecutor);
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        return SessionToken.parse(token)
                .map(parsed -> {
                    VerifySession.Recalled recalled = verifySession.verifyFromMemory(parsed);
                    if (recalled.known()) {
                        // accepted or refused from memory: answered here, no thread hop and no query
                        return recalled.accepted().map(current -> Mono.just(SessionPrincipal.of(current))).orElseGet(Mono::empty);
                    }
                    return Mono.fromCallable(() -> verifySession.verify(parsed).map(SessionPrincipal::of).orElse(null))
                            .subscribeOn(blocking);
                })
                .orElseGet(Mono::empty);
    }
}
