package dev.authrag.adapter.web.crypto.keys;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.authrag.application.token.SigningKeys;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.token.AccessTokenClaims;
import dev.authrag.domain.token.KeyRotationPolicy;
import dev.authrag.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtKeyRingTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final Duration PERIOD = Duration.ofDays(1);
    private static final Duration AHEAD = Duration.ofMinutes(5);
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(20);
    private static final KeyRotationPolicy ROTATION = new KeyRotationPolicy(PERIOD, AHEAD, TOKEN_LIFETIME);
    private static final String SECRET = "test-only-auth-secret-0123456789abcdef";

    private final MutableClock clock = new MutableClock(T0);
    private final InMemorySigningKeys store = new InMemorySigningKeys();
    private final KeySealer sealer = new KeySealer(SECRET);
    private final AccessTokenClaims claims = new AccessTokenClaims("https://auth.example.com", "authrag",
            new UserId(UUID.fromString("5f0c7a3e-1b2d-4c5e-8f90-123456789abc")),
            new SessionId(UUID.fromString("0b6e2f0a-6a8e-4c1b-9d59-6f1c2d3e4f50")),
            T0, T0, T0.plus(Duration.ofMinutes(15)), "jti-1");

    private JwtKeyRing ring;

    @BeforeEach
    void startTheRing() {
        ring = JwtKeyRing.stored(store, sealer, ROTATION, clock);
    }

    // --- the shared store ---

    @Test
    void stored_onAnEmptyStore_createsGenerationOneAndPublishesIt() throws Exception {
        List<SigningKeys.Stored> keys = store.all();

        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).info().generation()).isEqualTo(1);
        assertThat(keys.get(0).info().createdAt()).isEqualTo(T0);
        assertThat(keys.get(0).info().keyId()).isEqualTo(ring.signingKeyId());
        assertThat(JWKSet.parse(ring.publicJwks()).getKeys()).extracting(JWK::getKeyID).containsExactly(ring.signingKeyId());
    }

    @Test
    void stored_sealsThePrivateHalfUnderTheSecretAndTheKeyId() throws Exception {
        SigningKeys.Stored stored = store.all().get(0);
        String kid = stored.info().keyId();

        ECKey opened = ECKey.parse(new String(sealer.open(stored.sealedPrivateKey(), kid), StandardCharsets.UTF_8));

        assertThat(opened.isPrivate()).isTrue();
        assertThat(new String(stored.sealedPrivateKey(), StandardCharsets.ISO_8859_1)).doesNotContain(opened.getD().toString());
        assertThat(stored.publicJwk()).doesNotContain("\"d\"");
        assertThat(ECKey.parse(stored.publicJwk()).toECPublicKey().getW()).isEqualTo(opened.toECPublicKey().getW());
    }

    @Test
    void twoRingsOnOneStore_agreeOnTheKey_andTheSecondAddsNone() {
        JwtKeyRing other = JwtKeyRing.stored(store, sealer, ROTATION, clock);

        assertThat(store.size()).isEqualTo(1);
        assertThat(other.signingKeyId()).isEqualTo(ring.signingKeyId());
        assertThat(other.read(ring.sign(claims))).contains(claims);
        assertThat(ring.read(other.sign(claims))).contains(claims);
    }

    @Test
    void aRingWithAnotherSecret_refusesToStartOnTheStoredKeys() {
        KeySealer otherSecret = new KeySealer("a-different-secret-of-enough-length-42");

        assertThatThrownBy(() -> JwtKeyRing.stored(store, otherSecret, ROTATION, clock))
                .isInstanceOf(IllegalStateException.class)
                .message().doesNotContain(SECRET);
    }

    @Test
    void refresh_beforeTheRotationPeriod_addsNoKey() {
        clock.advance(PERIOD.minusSeconds(1));

        ring.refresh();

        assertThat(store.size()).isEqualTo(1);
    }

    // --- signing and reading ---

    @Test
    void signThenRead_returnsTheSameClaims() {
        assertThat(ring.read(ring.sign(claims))).contains(claims);
    }

    @Test
    void sign_writesAnEs256AccessTokenHeaderWithTheSigningKeyId() throws Exception {
        JWSHeader header = SignedJWT.parse(ring.sign(claims)).getHeader();

        assertThat(header.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(header.getType()).isEqualTo(new JOSEObjectType("at+jwt"));
        assertThat(header.getKeyID()).isEqualTo(ring.signingKeyId());
        assertThat(header.getJWK()).isNull();
        assertThat(header.getJWKURL()).isNull();
    }

    @Test
    void read_refusesAnUnsignedToken() {
        PlainJWT none = new PlainJWT(new PlainHeader.Builder().type(new JOSEObjectType("at+jwt")).build(), body());

        assertThat(ring.read(none.serialize())).isEmpty();
    }

    @Test
    void read_refusesAnUnsignedTokenDressedAsEs256() {
        String[] signed = ring.sign(claims).split("\\.");

        assertThat(ring.read(signed[0] + "." + signed[1] + ".")).isEmpty();
    }

    @Test
    void read_refusesHs256EvenWithTheRingsKeyId() throws Exception {
        byte[] secret = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

        String token = sign(new MACSigner(secret), JWSAlgorithm.HS256, builder -> builder.keyID(ring.signingKeyId()));

        assertThat(ring.read(token)).isEmpty();
    }

    @Test
    void read_refusesRs256EvenWithTheRingsKeyId() throws Exception {
        RSASSASigner rsa = new RSASSASigner(new RSAKeyGenerator(2048).generate());

        String token = sign(rsa, JWSAlgorithm.RS256, builder -> builder.keyID(ring.signingKeyId()));

        assertThat(ring.read(token)).isEmpty();
    }

    @Test
    void read_refusesEs256FromAnUnknownKey() throws Exception {
        ECKey stranger = JwtKeyRing.withThumbprintId(new ECKeyGenerator(Curve.P_256).generate());

        String ownKid = sign(new ECDSASigner(stranger), JWSAlgorithm.ES256, builder -> builder.keyID(stranger.getKeyID()));
        String borrowedKid = sign(new ECDSASigner(stranger), JWSAlgorithm.ES256, builder -> builder.keyID(ring.signingKeyId()));

        assertThat(ring.read(ownKid)).isEmpty();
        assertThat(ring.read(borrowedKid)).isEmpty();
    }

    @Test
    void read_refusesAnotherKeyOfferedThroughJwkJkuOrX5uHeaders() throws Exception {
        ECKey stranger = new ECKeyGenerator(Curve.P_256).generate();
        ECDSASigner signer = new ECDSASigner(stranger);
        URI keys = URI.create("https://attacker.example/keys");

        String embedded = sign(signer, JWSAlgorithm.ES256, builder -> builder.keyID(ring.signingKeyId()).jwk(stranger.toPublicJWK()));
        String jku = sign(signer, JWSAlgorithm.ES256, builder -> builder.keyID(ring.signingKeyId()).jwkURL(keys));
        String x5u = sign(signer, JWSAlgorithm.ES256, builder -> builder.keyID(ring.signingKeyId()).x509CertURL(keys));

        assertThat(ring.read(embedded)).isEmpty();
        assertThat(ring.read(jku)).isEmpty();
        assertThat(ring.read(x5u)).isEmpty();
    }

    @Test
    void read_refusesATamperedPayload() {
        String[] parts = ring.sign(claims).split("\\.");
        JWTClaimsSet other = new JWTClaimsSet.Builder(body()).subject(UUID.randomUUID().toString()).build();
        String forgedPayload = Base64URL.encode(other.toString()).toString();

        assertThat(ring.read(parts[0] + "." + forgedPayload + "." + parts[2])).isEmpty();
    }

    @Test
    void read_refusesATamperedSignature() {
        String token = ring.sign(claims);
        char last = token.charAt(token.length() - 5);
        String altered = token.substring(0, token.length() - 5) + (last == 'A' ? 'B' : 'A') + token.substring(token.length() - 4);

        assertThat(ring.read(altered)).isEmpty();
    }

    @Test
    void read_refusesTruncatedTokensAndGarbage() {
        String token = ring.sign(claims);

        assertThat(ring.read(token.substring(0, token.length() - 10))).isEmpty();
        assertThat(ring.read(token.substring(0, token.lastIndexOf('.')))).isEmpty();
        assertThat(ring.read("not.a.jwt")).isEmpty();
        assertThat(ring.read("garbage")).isEmpty();
        assertThat(ring.read("")).isEmpty();
        assertThat(ring.read(null)).isEmpty();
    }

    @Test
    void read_refusesATokenMissingAClaimItNeeds() throws Exception {
        ECKey own = new ECKeyGenerator(Curve.P_256).generate();
        JwtKeyRing fixed = JwtKeyRing.fixed(List.of(own));
        JWTClaimsSet withoutSid = new JWTClaimsSet.Builder(body()).claim("sid", null).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt"))
                .keyID(fixed.signingKeyId()).build(), withoutSid);
        jwt.sign(new ECDSASigner(own));

        assertThat(fixed.read(jwt.serialize())).isEmpty();
    }

    // --- header rules, proven with a key the test holds ---

    @Test
    void fixedRing_readsACorrectlySignedTokenFromTheTest() throws Exception {
        ECKey own = new ECKeyGenerator(Curve.P_256).generate();
        JwtKeyRing fixed = JwtKeyRing.fixed(List.of(own));

        String token = sign(new ECDSASigner(own), JWSAlgorithm.ES256, builder -> builder.keyID(fixed.signingKeyId()));

        assertThat(fixed.read(token)).contains(claims);
        assertThat(fixed.signingKeyId()).isEqualTo(own.computeThumbprint().toString());
    }

    @Test
    void fixedRing_refusesACorrectlySignedTokenWithAJkuHeader() throws Exception {
        ECKey own = new ECKeyGenerator(Curve.P_256).generate();
        JwtKeyRing fixed = JwtKeyRing.fixed(List.of(own));

        String token = sign(new ECDSASigner(own), JWSAlgorithm.ES256,
                builder -> builder.keyID(fixed.signingKeyId()).jwkURL(URI.create("https://attacker.example/keys")));

        assertThat(fixed.read(token)).isEmpty();
    }

    @Test
    void fixedRing_refusesACorrectlySignedTokenWithItsOwnKeyEmbedded() throws Exception {
        ECKey own = new ECKeyGenerator(Curve.P_256).generate();
        JwtKeyRing fixed = JwtKeyRing.fixed(List.of(own));

        String token = sign(new ECDSASigner(own), JWSAlgorithm.ES256,
                builder -> builder.keyID(fixed.signingKeyId()).jwk(own.toPublicJWK()));

        assertThat(fixed.read(token)).isEmpty();
    }

    @Test
    void fixedRing_refusesACorrectlySignedTokenOfTypeJwt() throws Exception {
        ECKey own = new ECKeyGenerator(Curve.P_256).generate();
        JwtKeyRing fixed = JwtKeyRing.fixed(List.of(own));

        String token = sign(new ECDSASigner(own), JWSAlgorithm.ES256,
                builder -> builder.keyID(fixed.signingKeyId()).type(JOSEObjectType.JWT));

        assertThat(fixed.read(token)).isEmpty();
    }

    @Test
    void fixedRing_refusesACorrectlySignedTokenWithoutTypeOrKeyId() throws Exception {
        ECKey own = new ECKeyGenerator(Curve.P_256).generate();
        JwtKeyRing fixed = JwtKeyRing.fixed(List.of(own));
        ECDSASigner signer = new ECDSASigner(own);

        String untyped = sign(signer, JWSAlgorithm.ES256, builder -> builder.keyID(fixed.signingKeyId()).type(null));
        String unnamed = sign(signer, JWSAlgorithm.ES256, builder -> builder.keyID(null));

        assertThat(fixed.read(untyped)).isEmpty();
        assertThat(fixed.read(unnamed)).isEmpty();
    }

    @Test
    void fixedRing_refusesACorrectlySignedTokenWithACritHeader() throws Exception {
        ECKey own = new ECKeyGenerator(Curve.P_256).generate();
        JwtKeyRing fixed = JwtKeyRing.fixed(List.of(own));

        String token = sign(new ECDSASigner(own), JWSAlgorithm.ES256, builder -> builder.keyID(fixed.signingKeyId())
                .customParam("urn:example:policy", "x").criticalParams(Set.of("urn:example:policy")));

        assertThat(fixed.read(token)).isEmpty();
    }

    @Test
    void fixedRing_signsWithTheFirstKeyAndVerifiesWithEvery() throws Exception {
        ECKey first = new ECKeyGenerator(Curve.P_256).generate();
        ECKey second = new ECKeyGenerator(Curve.P_256).generate();
        JwtKeyRing fixed = JwtKeyRing.fixed(List.of(first, second));
        String secondKid = second.computeThumbprint().toString();
        String bySecond = sign(new ECDSASigner(second), JWSAlgorithm.ES256, builder -> builder.keyID(secondKid));

        assertThat(fixed.signingKeyId()).isEqualTo(first.computeThumbprint().toString());
        assertThat(fixed.read(bySecond)).contains(claims);
        assertThat(JWKSet.parse(fixed.publicJwks()).getKeys()).hasSize(2);
        assertThat(fixed.publicJwks()).doesNotContain("\"d\"");
    }

    // --- rotation ---

    @Test
    void rotation_publishesTheNewKeyAheadAndWithdrawsTheOldOneAfterItsLastTokens() throws Exception {
        String oldKid = ring.signingKeyId();
        String oldToken = ring.sign(claims);

        clock.advance(PERIOD);
        ring.refresh();
        Instant rotatedAt = clock.instant();
        String newKid = store.all().get(1).info().keyId();

        assertThat(store.all()).extracting(key -> key.info().generation()).containsExactly(1, 2);
        assertThat(kids(ring.publicJwks())).containsExactly(newKid, oldKid);
        assertThat(ring.signingKeyId()).isEqualTo(oldKid);

        clock.set(rotatedAt.plus(AHEAD).minusSeconds(1));
        ring.refresh();
        assertThat(ring.signingKeyId()).isEqualTo(oldKid);

        clock.set(rotatedAt.plus(AHEAD));
        ring.refresh();
        assertThat(ring.signingKeyId()).isEqualTo(newKid);
        assertThat(SignedJWT.parse(ring.sign(claims)).getHeader().getKeyID()).isEqualTo(newKid);
        assertThat(ring.read(oldToken)).contains(claims);

        clock.set(rotatedAt.plus(AHEAD).plus(TOKEN_LIFETIME).minusSeconds(1));
        ring.refresh();
        assertThat(kids(ring.publicJwks())).containsExactly(newKid, oldKid);
        assertThat(ring.read(oldToken)).contains(claims);

        clock.set(rotatedAt.plus(AHEAD).plus(TOKEN_LIFETIME));
        ring.refresh();
        assertThat(kids(ring.publicJwks())).containsExactly(newKid);
        assertThat(ring.read(oldToken)).isEmpty();
        assertThat(ring.read(ring.sign(claims))).contains(claims);
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void rotation_seenByASecondRing_usesTheKeyTheFirstMade() {
        JwtKeyRing other = JwtKeyRing.stored(store, sealer, ROTATION, clock);
        clock.advance(PERIOD);

        ring.refresh();
        other.refresh();
        clock.advance(AHEAD);
        ring.refresh();
        other.refresh();

        assertThat(store.size()).isEqualTo(2);
        assertThat(other.signingKeyId()).isEqualTo(ring.signingKeyId()).isEqualTo(store.all().get(1).info().keyId());
    }

    @Test
    void rotation_whenTwoRingsRaceForTheNextGeneration_bothEndOnTheWinnersKey() {
        JwtKeyRing other = JwtKeyRing.stored(store, sealer, ROTATION, clock);
        clock.advance(PERIOD);
        store.beforeNextAdd(other::refresh);

        ring.refresh();
        clock.advance(AHEAD);
        ring.refresh();
        other.refresh();

        assertThat(store.size()).isEqualTo(2);
        assertThat(ring.signingKeyId()).isEqualTo(other.signingKeyId()).isEqualTo(store.all().get(1).info().keyId());
        assertThat(ring.read(other.sign(claims))).contains(claims);
    }

    @Test
    void publicJwks_neverHoldsPrivateParts() throws Exception {
        clock.advance(PERIOD);
        ring.refresh();

        assertThat(ring.publicJwks()).doesNotContain("\"d\"");
        assertThat(JWKSet.parse(ring.publicJwks()).getKeys()).hasSize(2).noneMatch(JWK::isPrivate);
    }

    @Test
    void publicJwks_namesEachKeyByItsRfc7638Thumbprint() throws Exception {
        clock.advance(PERIOD);
        ring.refresh();

        for (JWK key : JWKSet.parse(ring.publicJwks()).getKeys()) {
            assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
            assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        }
    }

    private String sign(JWSSigner signer, JWSAlgorithm algorithm, UnaryOperator<JWSHeader.Builder> header) throws Exception {
        JWSHeader.Builder builder = new JWSHeader.Builder(algorithm).type(new JOSEObjectType("at+jwt"));
        SignedJWT jwt = new SignedJWT(header.apply(builder).build(), body());
        jwt.sign(signer);
        return jwt.serialize();
    }

    private JWTClaimsSet body() {
        return new JWTClaimsSet.Builder()
                .issuer(claims.issuer())
                .audience(claims.audience())
                .subject(claims.subject().toString())
                .claim("sid", claims.sessionId().toString())
                .issueTime(Date.from(claims.issuedAt()))
                .notBeforeTime(Date.from(claims.notBefore()))
                .expirationTime(Date.from(claims.expiresAt()))
                .jwtID(claims.tokenId())
                .build();
    }

    private static List<String> kids(String jwks) throws Exception {
        return JWKSet.parse(jwks).getKeys().stream().map(JWK::getKeyID).toList();
    }

    /** A clock that stands still until the test moves it. */
    private static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }
    }
}
