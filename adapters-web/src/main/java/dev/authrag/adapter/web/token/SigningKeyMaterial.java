package dev.authrag.adapter.web.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

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
                        keys.add(requireP256Private(variable, JWK.parseFromPEMEncodedObjects(block.group())));
                    }
                }
            }
        } catch (ParseException | JOSEException | RuntimeException e) {
            throw new IllegalArgumentException(variable + " is neither a JWK, a JWK Set nor PEM private keys", e);
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(variable + " holds no private key");
        }
        return keys;
    }

    private static ECKey requireP256Private(String variable, JWK jwk) {
        if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve()) || !ec.isPrivate()) {
            throw new IllegalArgumentException(variable + " must hold EC P-256 private keys (ES256)");
        }
        return ec;
    }
}
