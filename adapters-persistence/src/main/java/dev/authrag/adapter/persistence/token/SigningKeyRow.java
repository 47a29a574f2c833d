package dev.authrag.adapter.persistence.token;

import dev.authrag.application.token.SigningKeys;
import dev.authrag.domain.token.SigningKeyInfo;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code signing_keys}. */
@MappedEntity("signing_keys")
public record SigningKeyRow(@Id String kid, int generation, Instant createdAt, String publicJwk, byte[] sealedPrivateKey) {

    static SigningKeyRow from(SigningKeys.Stored key) {
        return new SigningKeyRow(key.info().keyId(), key.info().generation(), key.info().createdAt(), key.publicJwk(),
                key.sealedPrivateKey());
    }

    SigningKeys.Stored toStored() {
        return new SigningKeys.Stored(new SigningKeyInfo(kid, generation, createdAt), publicJwk, sealedPrivateKey);
    }

    @Override
    public String toString() {
        return "SigningKeyRow[kid=" + kid + ", generation=" + generation + "]";
    }
}
