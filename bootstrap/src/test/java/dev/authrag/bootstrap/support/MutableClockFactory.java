package dev.authrag.bootstrap.support;

import dev.authrag.application.auth.MutableClock;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;

/**
 * Replaces the system clock in a context started with {@code test.clock=mutable}. Every such context starts at the
 * same instant, so two contexts on one database agree on the time as two synchronised servers would.
 */
@Factory
@Requires(property = MutableClockFactory.PROPERTY, value = "mutable")
public class MutableClockFactory {

    public static final String PROPERTY = "test.clock";
    public static final Instant START = Instant.parse("2030-06-03T08:00:00Z");

    @Singleton
    @Replaces(Clock.class)
    Clock mutableClock() {
        return new MutableClock(START);
    }
}
