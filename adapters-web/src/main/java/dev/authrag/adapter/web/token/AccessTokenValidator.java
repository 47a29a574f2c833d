package dev.authrag.adapter.web.token;

import dev.authrag.adapter.web.auth.SessionPrincipal;
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

import java.util.concurrent.ExecutorService;

/**
 * Accepts a Bearer access token (a JWT: three dot-separated parts) through {@link VerifyAccessToken}. It replaces
 * micronaut-security-jwt's own validator, which with no signature configured accepts an unsigned ({@code alg:
 * none}) token as verified; exactly one, strict, path accepts JWTs here (application.yml also switches the
 * library's validators off). The session check may
 * load a session on first sight, so the work runs on the blocking executor.
 */
@Singleton
@Replaces(ReactiveJsonWebTokenValidator.class)
public final class AccessTokenValidator implements TokenValidator<HttpRequest<?>> {

    private final VerifyAccessToken verifyAccessToken;
    private final Scheduler blocking;

    AccessTokenValidator(VerifyAccessToken verifyAccessToken, @Named(TaskExecutors.BLOCKING) ExecutorService blockingExecutor) {
        this.verifyAccessToken = verifyAccessToken;
        this.blocking = Schedulers.fromExecutorService(blockingExecutor);
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        if (token == null || token.length() > 4096 || token.chars().filter(c -> c == '.').count() != 2) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> verifyAccessToken.verify(token).map(SessionPrincipal::ofAccessToken).orElse(null))
                .subscribeOn(blocking);
    }
}
