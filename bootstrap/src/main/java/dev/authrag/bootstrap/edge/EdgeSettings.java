package dev.authrag.bootstrap.edge;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * The raw settings of what sits between the service and the browser (see docs/configuration.md): the reverse proxies in front of
 * it and the origins allowed to call it cross-site. Parsed, with the variable named on error, by {@link EdgeFactory}
 * and {@link CorsAllowlist}.
 */
@ConfigurationProperties("authrag.edge")
public record EdgeSettings(String trustedProxyHops, String corsAllowedOrigins) {
}
