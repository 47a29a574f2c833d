package dev.authrag.adapter.web.crypto.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.authrag.application.token.SigningKeys;
import dev.authrag.application.token.TokenSigner;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.token.AccessTokenClaims;
import dev.authrag.domain.token.KeyRotationPolicy;
import dev.authrag.domain.token.SigningKeyInfo;
import dev.authrag.domain.user.UserId;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link TokenSigner} with ES256 (nimbus-jose-jwt, as shipped with micronaut-security-jwt). Keys come either
 * from {@code JWT_SIGNING_KEYS} (fixed) or from the shared {@link SigningKeys} store, where this ring makes a
 * new key when the rotation policy says so. Every lookup on the request path is in memory; {@link #refresh()}
 * (start-up and a scheduled job) is the only place that touches storage.
 *
 * <p>Verification is strict on purpose: only ES256, only {@code typ: at+jwt}, only a key id this ring
 * publishes, and no header that points at other keys ({@code jku}, {@code x5u}, {@code jwk}, {@code x5c}) or
 * demands extensions ({@code crit}).
 */
public final class JwtKeyRing implements TokenSigner {

    static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");

    private record Loaded(SigningKeyInfo info, ECKey key, ECDSASigner signer, ECDSAVerifier verifier) {
    }

    private record Snapshot(Loaded signing, Map<String, Loaded> published, String jwks) {
    }

    private final SigningKeys store;
    private final KeySealer sealer;
    private final KeyRotationPolicy policy;
    private final Clock clock;
    private final Map<String, Loaded> opened = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Snapshot snapshot;

    private JwtKeyRing(SigningKeys store, KeySealer sealer, KeyRotationPolicy policy, Clock clock, Snapshot fixed) {
        this.store = store;
        this.sealer = sealer;
        this.policy = policy;
        this.clock = clock;
        this.snapshot = fixed;
    }

    /** Keys kept in the shared store and rotated by policy; loads (and if needed creates) them now. */
    public static JwtKeyRing stored(SigningKeys store, KeySealer sealer, KeyRotationPolicy policy, Clock clock) {
        JwtKeyRing ring = new JwtKeyRing(store, sealer, policy, clock, null);
        ring.refresh();
        return ring;
    }

    /** Keys given by the deployer; the first signs, all verify. Nothing is stored or rotated. */
    public static JwtKeyRing fixed(List<ECKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no signing key given");
        }
        Map<String, Loaded> published = new LinkedHashMap<>();
        Instant epoch = Instant.EPOCH;
        int generation = keys.size();
        for (ECKey key : keys) {
            ECKey withId = withThumbprintId(key);
            published.put(withId.getKeyID(), load(new SigningKeyInfo(withId.getKeyID(), generation--, epoch), withId));
        }
        Loaded signing = published.values().iterator().next();
        return new JwtKeyRing(null, null, null, null, new Snapshot(signing, Map.copyOf(published), jwks(published)));
    }

    /** Reloads the shared keys, adding a new one when the newest is due for rotation. Blocking (storage). */
    public void refresh() {
        if (store == null) {
            return;
        }
        Instant now = clock.instant();
        List<SigningKeys.Stored> stored = store.all();
        List<SigningKeyInfo> infos = stored.stream().map(SigningKeys.Stored::info).toList();
        if (policy.needsNewKey(infos, now)) {
            // whole milliseconds: storage keeps microseconds and would otherwise round the creation time up
            store.add(generate(policy.nextGeneration(infos), now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
            stored = store.all();
            infos = stored.stream().map(SigningKeys.Stored::info).toList();
        }
        for (SigningKeys.Stored key : stored) {
            opened.computeIfAbsent(key.info().keyId(), kid -> open(key));
        }
        SigningKeyInfo signingInfo = policy.signingKey(infos, now).orElseThrow();
        Map<String, Loaded> published = new LinkedHashMap<>();
        for (SigningKeyInfo info : policy.publishedKeys(infos, now)) {
            published.put(info.keyId(), opened.get(info.keyId()));
        }
        snapshot = new Snapshot(opened.get(signingInfo.keyId()), Map.copyOf(published), jwks(published));
    }

    @Override
    public String sign(AccessTokenClaims claims) {
        Loaded key = snapshot.signing();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.info().keyId()).type(ACCESS_TOKEN_TYPE).build();
        JWTClaimsSet body = new JWTClaimsSet.Builder()
                .issuer(claims.issuer())
                .audience(claims.audience())
                .subject(claims.subject().toString())
                .claim("sid", claims.sessionId().toString())
                .issueTime(Date.from(claims.issuedAt()))
                .notBeforeTime(Date.from(claims.notBefore()))
                .expirationTime(Date.from(claims.expiresAt()))
                .jwtID(claims.tokenId())
                .build();
        SignedJWT jwt = new SignedJWT(header, body);
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return jwt.serialize();
    }

    @Override
    public Optional<AccessTokenClaims> read(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader header = jwt.getHeader();
            if (!JWSAlgorithm.ES256.equals(header.getAlgorithm()) || !ACCESS_TOKEN_TYPE.equals(header.getType())
                    || header.getJWKURL() != null || header.getJWK() != null || header.getX509CertURL() != null
                    || header.getX509CertChain() != null || header.getCriticalParams() != null
                    || header.getKeyID() == null) {
                return Optional.empty();
            }
            Loaded key = snapshot.published().get(header.getKeyID());
            if (key == null || !jwt.verify(key.verifier())) {
                return Optional.empty();
            }
            return claims(jwt.getJWTClaimsSet());
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The public keys verifiers need now, as a JWK Set document. */
    @Override
    public String publicJwks() {
        return snapshot.jwks();
    }

    /** The key id that signs now. */
    public String signingKeyId() {
        return snapshot.signing().info().keyId();
    }

    private static Optional<AccessTokenClaims> claims(JWTClaimsSet set) throws ParseException {
        List<String> audience = set.getAudience();
        String sid = set.getStringClaim("sid");
        if (set.getIssuer() == null || audience == null || audience.size() != 1 || set.getSubject() == null
                || sid == null || set.getIssueTime() == null || set.getNotBeforeTime() == null
                || set.getExpirationTime() == null || set.getJWTID() == null) {
            return Optional.empty();
        }
        return Optional.of(new AccessTokenClaims(set.getIssuer(), audience.get(0),
                new UserId(UUID.fromString(set.getSubject())), new SessionId(UUID.fromString(sid)),
                set.getIssueTime().toInstant(), set.getNotBeforeTime().toInstant(),
                set.getExpirationTime().toInstant(), set.getJWTID()));
    }

    private SigningKeys.Stored generate(int generation, Instant now) {
        try {
            ECKey key = withThumbprintId(new ECKeyGenerator(Curve.P_256).generate());
            byte[] privateJwk = key.toJSONString().getBytes(StandardCharsets.UTF_8);
            return new SigningKeys.Stored(new SigningKeyInfo(key.getKeyID(), generation, now),
                    key.toPublicJWK().toJSONString(), sealer.seal(privateJwk, key.getKeyID()));
        } catch (JOSEException e) {
            throw new IllegalStateException("key generation failed", e);
        }
    }

    private Loaded open(SigningKeys.Stored stored) {
        String kid = stored.info().keyId();
        try {
            ECKey key = ECKey.parse(new String(sealer.open(stored.sealedPrivateKey(), kid), StandardCharsets.UTF_8));
            return load(stored.info(), key);
        } catch (ParseException e) {
            throw new IllegalStateException("stored signing key " + kid + " is not a JWK");
        }
    }

    private static Loaded load(SigningKeyInfo info, ECKey key) {
        try {
            return new Loaded(info, key, new ECDSASigner(key), new ECDSAVerifier(key.toPublicJWK()));
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable signing key " + info.keyId(), e);
        }
    }

    /** RFC 7638 thumbprint as the key id, with use=sig and alg=ES256 declared. */
    static ECKey withThumbprintId(ECKey key) {
        try {
            return new ECKey.Builder(key).keyID(key.computeThumbprint().toString())
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).build();
        } catch (JOSEException e) {
            throw new IllegalStateException("thumbprint failed", e);
        }
    }

    private static String jwks(Map<String, Loaded> published) {
        return new JWKSet(published.values().stream().map(loaded -> (com.nimbusds.jose.jwk.JWK) loaded.key().toPublicJWK()).toList())
                .toString(true);
    }
}
