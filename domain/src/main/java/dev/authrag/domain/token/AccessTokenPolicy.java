package dev.authrag.domain.token;

import java.time.Duration;
import java.util.Objects;

/**
 * What an access token says about its issuer and how long it lives.
 *
 * @param issuer   the {@code iss} claim, for example the service's public URL
 * @param audience the {@code aud} claim other services check
 * @param lifetime how long a token is valid (never longer than its session)
 * @param skew     clock difference tolerated when checking {@code exp}, {@code nbf} and {@code iat}
 */
public record AccessTokenPolicy(String issuer, String audience, Duration lifetime, Duration skew) {

    public AccessTokenPolicy {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("the issuer must not be blank");
        }
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("the audience must not be blank");
        }
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(skew, "skew");
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("the access token lifetime must lie between 1 second and 24 hours");
        }
        if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("the clock skew must lie between 0 and 5 minutes");
        }
    }
}
