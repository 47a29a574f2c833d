package dev.authrag.adapter.persistence.token;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/** Micronaut Data access to {@code signing_keys}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface SigningKeyRepository extends GenericRepository<SigningKeyRow, String> {

    List<SigningKeyRow> findAllOrderByGeneration();

    /** 0 rows when that generation (or kid) exists already: another instance rotated first. */
    @Query("""
            INSERT INTO signing_keys (kid, generation, created_at, public_jwk, sealed_private_key)
            VALUES (:kid, :generation, :createdAt, :publicJwk, :sealedPrivateKey)
            ON CONFLICT DO NOTHING""")
    int insertIfAbsent(String kid, int generation, Instant createdAt, String publicJwk, byte[] sealedPrivateKey);
}
