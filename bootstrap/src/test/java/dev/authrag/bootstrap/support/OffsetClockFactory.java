package dev.authrag.bootstrap.support;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/**
 * Replaces the system clock in a context started with {@code test.clock-offset} (an ISO-8601 duration such as
 * {@code -PT5M}): the instance's clock runs that far from the real time, as an unsynchronised server's would.
 */
@Factory
@Requires(property = OffsetClockFactory.PROPERTY)
public class OffsetClockFactory {

    public static final String PROPERTY = "test.clock-offset";

    @Singleton
    @Replaces(Clock.class)
    Clock offsetClock(@Value("${" + PROPERTY + "}") String offset) {
        return Clock.offset(Clock.systemUTC(), Duration.parse(offset));
    }
}
