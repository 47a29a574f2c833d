package dev.authrag.bootstrap.metrics;

import dev.authrag.adapter.web.crypto.password.Argon2PasswordHasher;
import dev.authrag.bootstrap.settings.Setting;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Wires the service's own meters into Micronaut's registry (request timings per route, JVM and HikariCP meters come
 * with micronaut-micrometer; application.yml tunes them). Whether {@code /prometheus} answers is application.yml's
 * {@code endpoints.prometheus.enabled}, which follows {@code METRICS_PUBLIC}; it is parsed here only to refuse a
 * malformed value at start-up.
 */
@Factory
class MetricsFactory {

    /** Created at start-up, so a malformed METRICS_PUBLIC stops it. */
    @Context
    AuthMetrics authMetrics(MeterRegistry registry, MetricsSettings settings) {
        Setting.flag("METRICS_PUBLIC", settings.publicEndpoint());
        return new AuthMetrics(registry);
    }

    /** How many password hashes wait for a worker: the sign-in backlog, and what load shedding (503) is decided on. */
    @Singleton
    MeterBinder passwordHashQueue(Argon2PasswordHasher hasher) {
        return registry -> Gauge.builder("authrag.password.hash.queue", hasher, Argon2PasswordHasher::queueDepth)
                .description("Password hashes waiting for a worker thread")
                .register(registry);
    }
}
