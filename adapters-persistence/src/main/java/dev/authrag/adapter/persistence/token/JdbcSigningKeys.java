package dev.authrag.adapter.persistence.token;

import dev.authrag.application.token.SigningKeys;
import jakarta.inject.Singleton;

import java.util.List;

/** {@link SigningKeys} on PostgreSQL. */
@Singleton
public class JdbcSigningKeys implements SigningKeys {

    private final SigningKeyRepository repository;

    JdbcSigningKeys(SigningKeyRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<Stored> all() {
        return repository.findAllOrderByGeneration().stream().map(SigningKeyRow::toStored).toList();
    }

    @Override
    public boolean add(Stored key) {
        SigningKeyRow row = SigningKeyRow.from(key);
        return repository.insertIfAbsent(row.kid(), row.generation(), row.createdAt(), row.publicJwk(),
                row.sealedPrivateKey()) == 1;
    }
}
