package dev.authrag.bootstrap.token;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** Raw access-token settings from application.yml, each backed by an environment variable (docs/configuration.md). */
@ConfigurationProperties("authrag.token")
public record TokenSettings(String issuer,
                            String audience,
                            String ttl,
                            String rotationDays,
                            @Nullable String authSecret,
                            @Nullable String signingKeys,
                            boolean devMode) {

    @Override
    public String toString() {
        return "TokenSettings[issuer=" + issuer + ", audience=" + audience + ", ttl=" + ttl + "]";
    }
}
