package dev.authrag.bootstrap.logging;

import dev.authrag.application.auth.SessionMemory;
import dev.authrag.application.auth.Sessions;
import dev.authrag.application.auth.Users;
import dev.authrag.application.auth.VerifySession;
import dev.authrag.application.auth.VerifySessionService;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.SessionPolicy;
import dev.authrag.domain.session.SessionToken;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;

/**
 * Log lines from the two places a request's logging context must reach but where production code has nothing to
 * log today: the session lookup that the security filter hops to the blocking executor through Reactor, and a
 * controller on {@code @ExecuteOn(BLOCKING)} after authentication. Only present in {@link JourneyLogsTest}.
 */
final class LogProbes {

    static final String LOGGER = "dev.authrag.test.probe";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private LogProbes() {
    }

    @Factory
    @Requires(property = "spec.name", value = "JourneyLogsTest")
    static class VerifyProbeFactory {

        @Singleton
        @Replaces(VerifySession.class)
        VerifySession loggingVerifySession(Users users, Sessions sessions, SessionPolicy policy, Clock clock,
                                           SessionMemory memory) {
            VerifySession real = new VerifySessionService(users, sessions, policy, clock, memory, 64, java.time.Duration.ZERO);
            return new VerifySession() {
                @Override
                public Optional<CurrentSession> verify(SessionToken token) {
                    LOG.info("probe: session lookup");
                    return real.verify(token);
                }

                @Override
                public Optional<CurrentSession> current(SessionId id) {
                    LOG.info("probe: session lookup");
                    return real.current(id);
                }

                /** Never from memory: every lookup takes the blocking path this probe watches. */
                @Override
                public Recalled verifyFromMemory(SessionToken token) {
                    return Recalled.UNKNOWN;
                }

                @Override
                public Recalled currentFromMemory(SessionId id) {
                    return Recalled.UNKNOWN;
                }
            };
        }
    }

    @Controller("/test/log-probe")
    @Requires(property = "spec.name", value = "JourneyLogsTest")
    @ExecuteOn(TaskExecutors.BLOCKING)
    static class ProbeController {

        @Get
        @Produces(MediaType.APPLICATION_JSON)
        @Secured(SecurityRule.IS_AUTHENTICATED)
        String probe() {
            LOG.info("probe: authenticated work");
            return "{}";
        }
    }
}
