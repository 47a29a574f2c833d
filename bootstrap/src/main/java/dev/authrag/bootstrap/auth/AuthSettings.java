package dev.authrag.bootstrap.auth;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * The raw auth settings from application.yml (each backed by an environment variable, see docs/configuration.md);
 * {@link AuthFactory} turns them into domain policies and reports a bad value by its variable's name.
 */
@ConfigurationProperties("authrag.auth")
public record AuthSettings(String sessionIdleTimeout,
                           String sessionAbsoluteLifetime,
                           String sessionUpdateAge,
                           String passwordMinLength,
                           String cookieSameSite,
                           String hashThreads,
                           String hashQueue,
                           String hashImplementation,
                           String hashMaxWait,
                           String maxSessionsPerUser,
                           String sessionPurgeAfter) {
}
