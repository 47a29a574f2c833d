package dev.authrag.bootstrap.lifecycle;

import io.micronaut.context.annotation.ConfigurationProperties;

/** The raw shutdown setting (docs/operations.md, "Resilience"); parsed, with the variable named on error, by {@link ShutdownGracePeriod}. */
@ConfigurationProperties("authrag.lifecycle")
public record LifecycleSettings(String shutdownGracePeriod) {
}
