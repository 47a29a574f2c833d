package dev.authrag.bootstrap.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * The raw rate-limit settings from application.yml (each backed by an environment variable, see docs/configuration.md);
 * {@link RateLimitFactory} parses them and reports a bad value by its variable's name.
 */
@ConfigurationProperties("authrag.rate-limit")
public record RateLimitSettings(String enabled,
                                String signinPerIp,
                                String signinPerEmail,
                                String registerPerIp,
                                String chatPerUser,
                                String changePasswordPerUser,
                                String tokenPerSession) {
}
