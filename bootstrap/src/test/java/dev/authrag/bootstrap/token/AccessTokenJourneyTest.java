package dev.authrag.bootstrap.token;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.authrag.bootstrap.support.HttpTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Access tokens as other services see them: verified offline against the published JWK Set, and forgeries refused. */
@MicronautTest(transactional = false)
class AccessTokenJourneyTest extends HttpTestSupport {

    private static final String PASSWORD = "correct horse battery";

    private String email;
    private String sessionToken;
    private String accessToken;

    @BeforeAll
    void signIn() {
        email = uniqueEmail();
        register(email, PASSWORD);
        Map<String, Object> body = body(post("/api/auth/sign-in", credentials(email, PASSWORD)));
        sessionToken = (String) body.get("session_token");
        accessToken = (String) body.get("access_token");
        assertThat(body).containsEntry("token_type", "Bearer").containsEntry("expires_in", 900);
    }

    @Test
    void accessToken_verifiesOfflineAgainstThePublishedKeySet_withAnIndependentJoseLibrary() throws Exception {
        HttpResponse<String> jwksResponse = get("/.well-known/jwks.json");
        assertThat(jwksResponse.statusCode()).isEqualTo(200);
        assertThat(jwksResponse.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        assertThat(jwksResponse.body()).doesNotContain("\"d\"");
        JWKSet keys = JWKSet.parse(jwksResponse.body());

        SignedJWT jwt = SignedJWT.parse(accessToken);
        ECKey publicKey = (ECKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());

        assertThat(publicKey).isNotNull();
        assertThat(publicKey.isPrivate()).isFalse();
        assertThat(publicKey.getKeyID()).isEqualTo(publicKey.computeThumbprint().toString());
        assertThat(jwt.verify(new ECDSAVerifier(publicKey))).isTrue();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("authrag");
        assertThat(claims.getAudience()).containsExactly("authrag");
        assertThat(claims.getSubject()).isEqualTo(userIdOf(sessionToken));
        assertThat(claims.getStringClaim("sid")).isNotBlank();
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getNotBeforeTime()).isNotNull();
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(900_000L);
    }

    @Test
    void accessToken_authenticatesVerify_butCannotMintTokensOrSignOut() {
        HttpResponse<String> verify = get("/api/auth/verify", "Authorization", "Bearer " + accessToken);
        assertThat(verify.statusCode()).isEqualTo(200);
        assertThat(body(verify).get("user").toString()).contains(email);

        assertThat(post("/api/auth/token", null, "Authorization", "Bearer " + accessToken).statusCode()).isEqualTo(401);
        assertThat(post("/api/auth/sign-out", null, "Authorization", "Bearer " + accessToken).statusCode()).isEqualTo(401);
    }

    @Test
    void tokenRoute_mintsAFreshTokenForTheSession() throws Exception {
        HttpResponse<String> response = post("/api/auth/token", null, "Cookie", "session_token=" + sessionToken);

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> body = body(response);
        assertThat(body).containsEntry("token_type", "Bearer").containsEntry("expires_in", 900);
        String fresh = (String) body.get("access_token");
        assertThat(SignedJWT.parse(fresh).getJWTClaimsSet().getStringClaim("sid"))
                .isEqualTo(SignedJWT.parse(accessToken).getJWTClaimsSet().getStringClaim("sid"));
        assertThat(get("/api/auth/verify", "Authorization", "Bearer " + fresh).statusCode()).isEqualTo(200);
    }

    @Test
    void forgedTokens_areUnauthorized() throws Exception {
        SignedJWT genuine = SignedJWT.parse(accessToken);
        JWTClaimsSet claims = genuine.getJWTClaimsSet();
        String kid = genuine.getHeader().getKeyID();

        String none = new PlainJWT(new PlainHeader.Builder().type(new JOSEObjectType("at+jwt")).build(), claims).serialize();
        String noneAsEs256Header = genuine.getParsedParts()[0].toString().replace("RVMyNTY", "bm9uZQ") + "."
                + genuine.getParsedParts()[1] + ".";
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        SignedJWT hs256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).type(new JOSEObjectType("at+jwt")).build(), claims);
        hs256.sign(new MACSigner(secret));
        RSAKey rsa = new RSAKeyGenerator(2048).keyID(kid).generate();
        SignedJWT rs256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(new JOSEObjectType("at+jwt")).build(), claims);
        rs256.sign(new RSASSASigner(rsa));
        ECKey attacker = new ECKeyGenerator(Curve.P_256).keyID("attacker").generate();
        SignedJWT unknownKid = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("attacker").type(new JOSEObjectType("at+jwt")).build(), claims);
        unknownKid.sign(new ECDSASigner(attacker));
        SignedJWT knownKidWrongKey = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).type(new JOSEObjectType("at+jwt")).build(), claims);
        knownKidWrongKey.sign(new ECDSASigner(attacker));
        SignedJWT embeddedJwk = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).type(new JOSEObjectType("at+jwt"))
                .jwk(attacker.toPublicJWK()).build(), claims);
        embeddedJwk.sign(new ECDSASigner(attacker));
        SignedJWT jku = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).type(new JOSEObjectType("at+jwt"))
                .jwkURL(URI.create("https://attacker.example/jwks.json")).build(), claims);
        jku.sign(new ECDSASigner(attacker));
        String[] parts = accessToken.split("\\.");
        String badSignature = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? 'B' : 'A') + parts[2].substring(1);
        String otherPayload = parts[0] + "." + new SignedJWT(genuine.getHeader(), new JWTClaimsSet.Builder(claims)
                .subject("00000000-0000-0000-0000-000000000000").build()).getPayload().toBase64URL() + "." + parts[2];

        Map<String, String> forgeries = Map.of(
                "alg none", none,
                "alg none under the genuine header", noneAsEs256Header,
                "HS256", hs256.serialize(),
                "RS256", rs256.serialize(),
                "unknown kid", unknownKid.serialize(),
                "known kid, other key", knownKidWrongKey.serialize(),
                "embedded jwk header", embeddedJwk.serialize(),
                "jku header", jku.serialize(),
                "bad signature", badSignature,
                "swapped payload", otherPayload);
        forgeries.forEach((name, token) -> {
            HttpResponse<String> response = get("/api/auth/verify", "Authorization", "Bearer " + token);
            assertThat(response.statusCode()).as(name).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(name).isPresent();
            assertThat(body(response)).as(name).containsEntry("code", "unauthenticated");
        });
        assertThat(get("/api/auth/verify", "Authorization", "Bearer " + accessToken).statusCode()).isEqualTo(200);
    }

    @Test
    void signOut_makesTheSessionsAccessTokensUnauthorizedAtOnce() {
        String otherEmail = uniqueEmail();
        register(otherEmail, PASSWORD);
        Map<String, Object> body = body(post("/api/auth/sign-in", credentials(otherEmail, PASSWORD)));
        String token = (String) body.get("session_token");
        String jwt = (String) body.get("access_token");
        assertThat(get("/api/auth/verify", "Authorization", "Bearer " + jwt).statusCode()).isEqualTo(200);

        assertThat(post("/api/auth/sign-out", null, "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);

        assertThat(get("/api/auth/verify", "Authorization", "Bearer " + jwt).statusCode()).isEqualTo(401);
    }

    private String userIdOf(String token) {
        return ((Map<?, ?>) body(get("/api/auth/verify", "Authorization", "Bearer " + token)).get("user")).get("id").toString();
    }
}
