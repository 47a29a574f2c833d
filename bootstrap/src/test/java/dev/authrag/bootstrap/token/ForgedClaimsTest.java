package dev.authrag.bootstrap.token;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.authrag.bootstrap.support.HttpTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With JWT_SIGNING_KEYS set to a key this test holds, a correctly signed token is accepted only when every claim
 * and header is right: wrong iss, aud or typ, expiry past the skew, or a key-carrying header get 401.
 */
@MicronautTest(transactional = false)
class ForgedClaimsTest extends HttpTestSupport {

    private static final String PASSWORD = "correct horse battery";
    private static final ECKey KEY = generate();

    private Map<String, Object> genuineClaims;

    private static ECKey generate() {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).generate();
            return new ECKey.Builder(key).keyID(key.computeThumbprint().toString()).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("authrag.token.signing-keys", KEY.toJSONString(), "authrag.token.issuer", "https://auth.example");
    }

    @BeforeAll
    void signIn() throws Exception {
        String email = uniqueEmail();
        register(email, PASSWORD);
        String accessToken = (String) body(post("/api/auth/sign-in", credentials(email, PASSWORD))).get("access_token");
        SignedJWT jwt = SignedJWT.parse(accessToken);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(KEY.getKeyID());
        genuineClaims = new HashMap<>(jwt.getJWTClaimsSet().toJSONObject());
    }

    @Test
    void aTokenSignedWithTheConfiguredKey_isAcceptedAndTheKeyIsPublished() throws Exception {
        assertThat(status(sign(genuineClaims, "at+jwt", false))).isEqualTo(200);
        assertThat(get("/.well-known/jwks.json").body()).contains(KEY.getKeyID()).doesNotContain("\"d\"");
    }

    @Test
    void wrongIssuerAudienceOrType_areUnauthorized() throws Exception {
        assertThat(status(sign(with("iss", "https://evil.example"), "at+jwt", false))).as("iss").isEqualTo(401);
        assertThat(status(sign(with("aud", "another-service"), "at+jwt", false))).as("aud").isEqualTo(401);
        assertThat(status(sign(genuineClaims, "JWT", false))).as("typ JWT").isEqualTo(401);
        assertThat(status(sign(genuineClaims, null, false))).as("no typ").isEqualTo(401);
        assertThat(status(sign(genuineClaims, "at+jwt", true))).as("jku header").isEqualTo(401);
        assertThat(status(sign(without("sid"), "at+jwt", false))).as("no sid").isEqualTo(401);
    }

    @Test
    void expiry_isEnforcedWithSixtySecondsOfSkew() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> justExpired = with("exp", now - 30);
        justExpired.put("iat", now - 600);
        justExpired.put("nbf", now - 600);
        Map<String, Object> longExpired = with("exp", now - 120);
        longExpired.put("iat", now - 900);
        longExpired.put("nbf", now - 900);

        assertThat(status(sign(justExpired, "at+jwt", false))).as("within skew").isEqualTo(200);
        assertThat(status(sign(longExpired, "at+jwt", false))).as("beyond skew").isEqualTo(401);
    }

    private Map<String, Object> with(String claim, Object value) {
        Map<String, Object> claims = new HashMap<>(genuineClaims);
        claims.put(claim, value);
        return claims;
    }

    private Map<String, Object> without(String claim) {
        Map<String, Object> claims = new HashMap<>(genuineClaims);
        claims.remove(claim);
        return claims;
    }

    private int status(String token) {
        return get("/api/auth/verify", "Authorization", "Bearer " + token).statusCode();
    }

    private static String sign(Map<String, Object> claims, String type, boolean withJku) throws Exception {
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(KEY.getKeyID());
        if (type != null) {
            header.type(new JOSEObjectType(type));
        }
        if (withJku) {
            header.jwkURL(URI.create("https://auth.example/other-keys.json"));
        }
        Map<String, Object> normalised = new HashMap<>(claims);
        for (String time : Set.of("exp", "iat", "nbf")) {
            Object value = normalised.get(time);
            if (value instanceof Number seconds) {
                normalised.put(time, seconds.longValue());
            } else if (value instanceof Date date) {
                normalised.put(time, date.getTime() / 1000);
            }
        }
        SignedJWT jwt = new SignedJWT(header.build(), JWTClaimsSet.parse(normalised));
        jwt.sign(new ECDSASigner(KEY));
        return jwt.serialize();
    }
}
