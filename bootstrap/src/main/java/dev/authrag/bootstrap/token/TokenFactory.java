package dev.authrag.bootstrap.token;

import dev.authrag.adapter.web.crypto.keys.JwtKeyRing;
import dev.authrag.adapter.web.crypto.keys.KeySealer;
import dev.authrag.adapter.web.crypto.keys.SigningKeyMaterial;
import dev.authrag.application.token.AccessTokenService;
import dev.authrag.application.auth.VerifySession;
import dev.authrag.application.token.IssueAccessToken;
import dev.authrag.application.token.SigningKeys;
import dev.authrag.application.token.TokenSigner;
import dev.authrag.application.token.VerifyAccessToken;
import dev.authrag.bootstrap.settings.Setting;
import dev.authrag.domain.token.AccessTokenPolicy;
import dev.authrag.domain.token.KeyRotationPolicy;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/** Wires access tokens: policy from settings, the key ring (fixed keys or the shared store) and the verified-token memory. */
@Factory
class TokenFactory {

    private static final Logger LOG = LoggerFactory.getLogger(TokenFactory.class);
    static final Duration SKEW = Duration.ofSeconds(60);
    /** How long a new key is published before it signs: the JWKS response's max-age. */
    static final Duration PUBLISH_AHEAD = Duration.ofMinutes(5);
    /** How often each instance reloads the shared keys (see TokenJobs). */
    static final Duration KEY_REFRESH = Duration.ofMinutes(1);
    private static final String DEV_SECRET = "authrag-development-only-secret-never-use-in-production";

    @Singleton
    AccessTokenPolicy accessTokenPolicy(TokenSettings settings) {
        Duration ttl = Setting.duration("ACCESS_TOKEN_TTL", settings.ttl());
        try {
            return new AccessTokenPolicy(settings.issuer(), settings.audience(), ttl, SKEW);
        } catch (IllegalArgumentException e) {
            throw new Setting.InvalidSettingException("JWT_ISSUER, JWT_AUDIENCE and ACCESS_TOKEN_TTL: " + e.getMessage());
        }
    }

    @Singleton
    KeyRotationPolicy keyRotationPolicy(TokenSettings settings, AccessTokenPolicy tokens) {
        int days = Setting.integer("JWT_ROTATION_DAYS", settings.rotationDays(), 1, 3650);
        return new KeyRotationPolicy(Duration.ofDays(days), PUBLISH_AHEAD, tokens.lifetime().plus(SKEW).plus(KEY_REFRESH));
    }

    /** Created at start-up (it may create the first key), never lazily on a request thread. */
    @Context
    @Bean(typed = {TokenSigner.class, JwtKeyRing.class})
    JwtKeyRing keyRing(TokenSettings settings, SigningKeys store, KeyRotationPolicy rotation, Clock clock) {
        if (settings.signingKeys() != null && !settings.signingKeys().isBlank()) {
            try {
                return JwtKeyRing.fixed(SigningKeyMaterial.parse("JWT_SIGNING_KEYS", settings.signingKeys()));
            } catch (IllegalArgumentException e) {
                throw new Setting.InvalidSettingException(e.getMessage());
            }
        }
        return JwtKeyRing.stored(store, sealer(settings), rotation, clock);
    }

    /**
     * Verified access tokens remembered (least recently used dropped first), keyed by a 32-byte digest: about 300 bytes
     * an entry with the claims, so at most a few MB however many tokens one user mints.
     */
    static final int VERIFIED_TOKENS = 20_000;

    @Singleton
    @Bean(typed = {IssueAccessToken.class, VerifyAccessToken.class})
    AccessTokenService accessTokens(TokenSigner signer, VerifySession sessions, AccessTokenPolicy policy, Clock clock) {
        return new AccessTokenService(signer, sessions, policy, clock, VERIFIED_TOKENS);
    }

    private static KeySealer sealer(TokenSettings settings) {
        String secret = settings.authSecret();
        if (secret == null || secret.isBlank()) {
            if (!settings.devMode()) {
                throw new Setting.InvalidSettingException("AUTH_SECRET is required (at least 32 random characters, "
                        + "e.g. `openssl rand -base64 48`): it seals the JWT signing keys kept in the database");
            }
            LOG.warn("AUTH_SECRET is not set: using a development-only secret (allowed because DATABASE_URL is unset)");
            secret = DEV_SECRET;
        }
        try {
            return new KeySealer(secret);
        } catch (IllegalArgumentException e) {
            throw new Setting.InvalidSettingException(e.getMessage());
        }
    }
}
