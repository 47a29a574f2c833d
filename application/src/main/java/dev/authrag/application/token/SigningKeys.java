package dev.authrag.application.token;

import dev.authrag.domain.token.SigningKeyInfo;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Driven port: the signing keys shared by every instance, private halves sealed before they are stored. */
public interface SigningKeys {

    List<Stored> all();

    /** Stores a new key; false when another instance already stored a key of that generation. */
    boolean add(Stored key);

    /**
     * A stored key.
     *
     * @param info        identity and age
     * @param publicJwk   the public key as a JWK (JSON)
     * @param sealedPrivateKey the private key, encrypted by the adapter that made it
     */
    record Stored(SigningKeyInfo info, String publicJwk, byte[] sealedPrivateKey) {

        public Stored {
            Objects.requireNonNull(info);
            Objects.requireNonNull(publicJwk);
            sealedPrivateKey = sealedPrivateKey.clone();
        }

        @Override
        public byte[] sealedPrivateKey() {
            return sealedPrivateKey.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Stored stored && info.equals(stored.info) && publicJwk.equals(stored.publicJwk)
                    && Arrays.equals(sealedPrivateKey, stored.sealedPrivateKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(info, publicJwk, Arrays.hashCode(sealedPrivateKey));
        }

        @Override
        public String toString() {
            return "SigningKeys.Stored[" + info + "]";
        }
    }
}
