package dev.authrag.adapter.web.crypto.keys;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code JWT_SIGNING_KEYS}: a JWK, a JWK Set, or one or more PEM private keys (PKCS#8 or SEC1) on the
 * P-256 curve. The first key signs. Messages name the variable and never quote the value.
 */
public final class SigningKeyMaterial {

    private static final Pattern PEM_BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----[\\s\\S]+?-----END \\1-----");

    /** A key that parsed but cannot sign ES256: its message is already the one to show. */
    private static final class UnsuitableKey extends IllegalArgumentException {
        UnsuitableKey(String variable) {
            super(variable + " must hold EC P-256 private keys (ES256)");
        }
    }

    private SigningKeyMaterial() {
    }

    public static List<ECKey> parse(String variable, String value) {
        String text = value == null ? "" : value.strip();
        List<ECKey> keys = new ArrayList<>();
        try {
            if (text.startsWith("{")) {
                List<JWK> jwks = text.contains("\"keys\"") ? JWKSet.parse(text).getKeys() : List.of(JWK.parse(text));
                for (JWK jwk : jwks) {
                    keys.add(requireP256Private(variable, jwk));
                }
            } else {
                Matcher block = PEM_BLOCK.matcher(text);
                while (block.find()) {
                    if (block.group(1).contains("PRIVATE KEY")) {
                        keys.add(requireP256Private(variable, fromPem(variable, block.group())));
                    }
                }
            }
        } catch (UnsuitableKey e) {
            throw e;
        } catch (ParseException | IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException(variable + " is neither a JWK, a JWK Set nor PEM private keys", e);
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(variable + " holds no private key");
        }
        return keys;
    }

    /**
     * A PEM private key as a JWK. nimbus cannot build an EC JWK from PKCS#8 alone (it only restores RSA public
     * halves), so the public point is derived here: Q = d·G.
     */
    private static ECKey fromPem(String variable, String block) throws IOException, GeneralSecurityException {
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(block))) {
            parsed = parser.readObject();
        }
        PrivateKeyInfo info = parsed instanceof PEMKeyPair pair ? pair.getPrivateKeyInfo()
                : parsed instanceof PrivateKeyInfo plain ? plain : null;
        if (info == null) {
            throw new UnsuitableKey(variable);
        }
        PrivateKey privateKey = new JcaPEMKeyConverter().getPrivateKey(info);
        if (!(privateKey instanceof ECPrivateKey ec) || !Curve.P_256.equals(Curve.forECParameterSpec(ec.getParams()))) {
            throw new UnsuitableKey(variable);
        }
        return new ECKey.Builder(Curve.P_256, publicHalf(ec)).privateKey(ec).build();
    }

    private static ECPublicKey publicHalf(ECPrivateKey key) throws GeneralSecurityException {
        var p256 = ECNamedCurveTable.getByName("secp256r1");
        var q = new FixedPointCombMultiplier().multiply(p256.getG(), key.getS()).normalize();
        ECPoint w = new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, key.getParams()));
    }

    private static ECKey requireP256Private(String variable, JWK jwk) {
        if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve()) || !ec.isPrivate()) {
            throw new UnsuitableKey(variable);
        }
        return ec;
    }
}
