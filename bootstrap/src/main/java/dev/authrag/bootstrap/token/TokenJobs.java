package dev.authrag.bootstrap.token;

import dev.authrag.adapter.web.crypto.keys.JwtKeyRing;
import dev.authrag.application.auth.SessionMemory;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/** Background refreshes: revocations made by other instances, and the shared signing keys (with rotation). */
@Singleton
class TokenJobs {

    private static final Logger LOG = LoggerFactory.getLogger(TokenJobs.class);

    private final SessionMemory sessionMemory;
    private final JwtKeyRing keyRing;
    private final Clock clock;

    TokenJobs(SessionMemory sessionMemory, JwtKeyRing keyRing, Clock clock) {
        this.sessionMemory = sessionMemory;
        this.keyRing = keyRing;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${authrag.token.revocation-poll:1s}", initialDelay = "1s")
    void refreshRevocations() {
        try {
            sessionMemory.refresh(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("revocation refresh failed, retrying on the next tick: {}", e.getClass().getSimpleName());
        }
    }

    @Scheduled(fixedDelay = "1m", initialDelay = "1m")
    void refreshKeys() {
        try {
            keyRing.refresh();
        } catch (RuntimeException e) {
            LOG.warn("signing key refresh failed, retrying on the next tick: {}", e.getClass().getSimpleName());
        }
    }
}
