package dev.authrag.adapter.web.crypto.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeyMaterialTest {

    private static final String VARIABLE = "JWT_SIGNING_KEYS";

    @Test
    void aPrivateJwk_isOneKey() throws JOSEException {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();

        List<ECKey> keys = SigningKeyMaterial.parse(VARIABLE, key.toJSONString());

        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).isPrivate()).isTrue();
        assertThat(keys.get(0).getD()).isEqualTo(key.getD());
    }

    @Test
    void aJwkSet_givesItsKeysInOrder() throws JOSEException {
        ECKey first = new ECKeyGenerator(Curve.P_256).keyID("first").generate();
        ECKey second = new ECKeyGenerator(Curve.P_256).keyID("second").generate();
        String set = new JWKSet(List.<JWK>of(first, second)).toString(false);

        assertThat(SigningKeyMaterial.parse(VARIABLE, set)).extracting(ECKey::getKeyID).containsExactly("first", "second");
    }

    @Test
    void aPkcs8Pem_isOneKeyWithItsPublicHalf() throws GeneralSecurityException, JOSEException {
        KeyPair pair = p256Pair();

        List<ECKey> keys = SigningKeyMaterial.parse(VARIABLE, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));

        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).toECPrivateKey().getS()).isEqualTo(((ECPrivateKey) pair.getPrivate()).getS());
        assertThat(keys.get(0).toECPublicKey().getW()).isEqualTo(((ECPublicKey) pair.getPublic()).getW());
    }

    @Test
    void aSec1EcPrivateKeyPem_isOneKey() throws GeneralSecurityException, IOException, JOSEException {
        KeyPair pair = p256Pair();

        List<ECKey> keys = SigningKeyMaterial.parse(VARIABLE, pem("EC PRIVATE KEY", sec1(pair)));

        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).toECPrivateKey().getS()).isEqualTo(((ECPrivateKey) pair.getPrivate()).getS());
    }

    @Test
    void severalPemKeys_withAPublicKeyBlockBetween_areTheTwoPrivateKeysInOrder() throws GeneralSecurityException, JOSEException {
        KeyPair first = p256Pair();
        KeyPair second = p256Pair();
        String text = pem("PRIVATE KEY", first.getPrivate().getEncoded()) + "\n"
                + pem("PUBLIC KEY", first.getPublic().getEncoded()) + "\n"
                + pem("PRIVATE KEY", second.getPrivate().getEncoded());

        List<ECKey> keys = SigningKeyMaterial.parse(VARIABLE, text);

        assertThat(keys).hasSize(2);
        assertThat(keys.get(0).toECPrivateKey().getS()).isEqualTo(((ECPrivateKey) first.getPrivate()).getS());
        assertThat(keys.get(1).toECPrivateKey().getS()).isEqualTo(((ECPrivateKey) second.getPrivate()).getS());
    }

    @Test
    void aP384Key_isRejectedAsNotP256() throws JOSEException {
        String p384 = new ECKeyGenerator(Curve.P_384).generate().toJSONString();

        assertThatThrownBy(() -> SigningKeyMaterial.parse(VARIABLE, p384))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(VARIABLE)
                .hasMessageContaining("P-256");
    }

    @Test
    void aP384Pkcs8Pem_isRejectedAsNotP256() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        String p384 = pem("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded());

        assertThatThrownBy(() -> SigningKeyMaterial.parse(VARIABLE, p384))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(VARIABLE)
                .hasMessageContaining("P-256");
    }

    @Test
    void aPublicOnlyJwk_isRejected() throws JOSEException {
        String publicOnly = new ECKeyGenerator(Curve.P_256).generate().toPublicJWK().toJSONString();

        assertThatThrownBy(() -> SigningKeyMaterial.parse(VARIABLE, publicOnly))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(VARIABLE)
                .hasMessageContaining("private");
    }

    @Test
    void anRsaJwk_isRejected() throws JOSEException {
        String rsa = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).generate().toJSONString();

        assertThatThrownBy(() -> SigningKeyMaterial.parse(VARIABLE, rsa))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(VARIABLE);
    }

    @Test
    void garbage_isRejectedNamingTheVariableWithoutQuotingTheValue() {
        String garbage = "s3cr3t-garbage-value";

        assertThatThrownBy(() -> SigningKeyMaterial.parse(VARIABLE, garbage))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(VARIABLE)
                .message().doesNotContain(garbage);
    }

    @Test
    void brokenJson_isRejectedNamingTheVariableWithoutQuotingTheValue() {
        String broken = "{\"kty\":\"EC\",\"d\":\"s3cr3t-d-value\"";

        assertThatThrownBy(() -> SigningKeyMaterial.parse(VARIABLE, broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(VARIABLE)
                .message().doesNotContain("s3cr3t-d-value");
    }

    @Test
    void aPemBlockWithBrokenContent_isRejectedNamingTheVariableWithoutQuotingTheValue() {
        String broken = "-----BEGIN PRIVATE KEY-----\nbm90LWEta2V5LXMzY3IzdA==\n-----END PRIVATE KEY-----";

        assertThatThrownBy(() -> SigningKeyMaterial.parse(VARIABLE, broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(VARIABLE)
                .message().doesNotContain("bm90LWEta2V5LXMzY3IzdA");
    }

    @Test
    void nothingAtAll_isRejected() {
        assertThatThrownBy(() -> SigningKeyMaterial.parse(VARIABLE, "  ")).hasMessageContaining(VARIABLE);
        assertThatThrownBy(() -> SigningKeyMaterial.parse(VARIABLE, null)).hasMessageContaining(VARIABLE);
    }

    private static KeyPair p256Pair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** The OpenSSL "EC PRIVATE KEY" (RFC 5915) encoding, with the named curve and the public point. */
    private static byte[] sec1(KeyPair pair) throws IOException {
        ECPrivateKey privateKey = (ECPrivateKey) pair.getPrivate();
        ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
        byte[] point = uncompressedPoint(publicKey);
        return new org.bouncycastle.asn1.sec.ECPrivateKey(256, privateKey.getS(), new DERBitString(point),
                SECObjectIdentifiers.secp256r1).getEncoded();
    }

    private static byte[] uncompressedPoint(ECPublicKey key) {
        byte[] point = new byte[65];
        point[0] = 0x04;
        copyUnsigned(key.getW().getAffineX().toByteArray(), point, 1);
        copyUnsigned(key.getW().getAffineY().toByteArray(), point, 33);
        return point;
    }

    private static void copyUnsigned(byte[] signed, byte[] target, int offset) {
        int length = Math.min(signed.length, 32);
        System.arraycopy(signed, signed.length - length, target, offset + 32 - length, length);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
