package dev.authrag.application.token;

import dev.authrag.domain.token.AccessTokenClaims;

import java.util.Optional;

/** Driven port: turns claims into a signed access token and back, with the current signing keys. */
public interface TokenSigner {

    String sign(AccessTokenClaims claims);

    /**
     * The claims of a token this service signed with a key it still publishes; empty for anything else
     * (malformed, another algorithm, an unknown key, a bad signature, forbidden headers). Time is not checked here.
     */
    Optional<AccessTokenClaims> read(String token);

    /** The public keys that verify this service's tokens, as an RFC 7517 JWK Set document; in memory, never blocks. */
    String publicJwks();
}
