package dev.authrag.adapter.web.crypto.keys;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * Seals private signing keys for storage: AES-256-GCM under a key derived from {@code AUTH_SECRET} with
 * HKDF-SHA256 (RFC 5869), a fresh 96-bit nonce per seal, and the key id as associated data so a sealed key
 * cannot be swapped onto another row.
 */
public final class KeySealer {

    private static final byte[] INFO = "authrag signing-key sealing v1".getBytes(StandardCharsets.UTF_8);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param secret the deployment's AUTH_SECRET; at least 32 characters */
    public KeySealer(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("AUTH_SECRET must be at least 32 characters");
        }
        this.key = new SecretKeySpec(hkdf(secret.getBytes(StandardCharsets.UTF_8)), "AES");
    }

    public byte[] seal(byte[] plaintext, String keyId) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    /** @throws IllegalStateException when the data was sealed under another secret or altered */
    public byte[] open(byte[] sealed, String keyId) {
        try {
            if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
                // too short to hold a nonce and a tag; GCMParameterSpec would throw an unrelated IllegalArgumentException
                throw new javax.crypto.AEADBadTagException("truncated");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the stored signing key " + keyId
                    + ": AUTH_SECRET differs from the one it was sealed with, or the row was altered");
        }
    }

    /** HKDF-SHA256 extract-and-expand to 32 bytes, with a fixed salt and info naming this use. */
    private static byte[] hkdf(byte[] inputKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("authrag-hkdf-salt".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] pseudoRandomKey = mac.doFinal(inputKey);
            mac.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
            mac.update(INFO);
            mac.update((byte) 1);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HKDF failed", e);
        }
    }
}
