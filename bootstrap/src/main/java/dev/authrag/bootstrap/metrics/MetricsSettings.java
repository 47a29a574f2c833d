package dev.authrag.bootstrap.metrics;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * The raw metrics setting from application.yml: whether {@code /prometheus} answers ({@code METRICS_PUBLIC}); parsed,
 * with the variable named on error, by {@link MetricsFactory}.
 */
@ConfigurationProperties("authrag.metrics")
public record MetricsSettings(String publicEndpoint) {
}
