package dev.authrag.adapter.web.http.session;

import dev.authrag.adapter.web.http.session.SessionPrincipal;
import dev.authrag.application.auth.VerifySession;
import dev.authrag.application.token.VerifyAccessToken;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Accepts a Bearer access token (a JWT: three dot-separated parts) through {@link VerifyAccessToken}. It replaces
 * micronaut-security-jwt's own validator, which with no signature configured accepts an unsigned ({@code alg:
 * none}) token as verified; exactly one, strict, path accepts JWTs here (application.yml also switches the
 * library's validators off). The caller's session is resolved here too. A token and session this instance
 * vouches for from memory are answered at once; otherwise the check may read storage, so it runs on the
 * blocking executor.
 */
@Singleton
@Replaces(ReactiveJsonWebTokenValidator.class)
public final class AccessTokenValidator implements TokenValidator<HttpRequest<?>> {

    private final VerifyAccessToken verifyAccessToken;
    private final VerifySession verifySession;
    private final Scheduler blocking;

    AccessTokenValidator(VerifyAccessToken verifyAccessToken, VerifySession verifySession,
                         @Named(TaskExecutors.BLOCKING) ExecutorService blockingExecutor) {
        this.verifyAccessToken = verifyAccessToken;
        this.verifySession = verifySession;
        this.blocking = Schedulers.fromExecutorService(blockingExecutor);
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        if (token == null || token.length() > 4096 || token.chars().filter(c -> c == '.').count() != 2) {
            return Mono.empty();
        }
        Optional<Authentication> fromMemory = verifyAccessToken.verifyFromMemory(token)
                .flatMap(claims -> verifySession.currentFromMemory(claims.sessionId()).accepted()
                        .filter(current -> current.user().id().equals(claims.subject()))
                        .map(current -> SessionPrincipal.ofAccessToken(claims, current)));
        if (fromMemory.isPresent()) {
            return Mono.just(fromMemory.get());
        }
        return Mono.fromCallable(() -> verifyAccessToken.verify(token)
                        .flatMap(claims -> verifySession.current(claims.sessionId())
                                .filter(current -> current.user().id().equals(claims.subject()))
                                .map(current -> SessionPrincipal.ofAccessToken(claims, current)))
                        .orElse(null))
                .subscribeOn(blocking);
    }
}
