package dev.authrag.bootstrap.auth;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * The raw account-lockout settings from application.yml ({@code LOCKOUT_THRESHOLD}, {@code LOCKOUT_DURATION},
 * {@code LOCKOUT_MAX_DURATION}, see docs/configuration.md); {@link AuthFactory} turns them into the domain's lockout policy.
 */
@ConfigurationProperties("authrag.lockout")
public record LockoutSettings(String threshold, String duration, String maxDuration) {
}
