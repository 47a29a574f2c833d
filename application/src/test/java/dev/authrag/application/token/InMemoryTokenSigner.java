package dev.authrag.application.token;

import dev.authrag.domain.token.AccessTokenClaims;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Test fake of {@link TokenSigner}: a token is a counter, its claims kept in a map; unknown tokens read as empty. */
final class InMemoryTokenSigner implements TokenSigner {

    private final Map<String, AccessTokenClaims> signed = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();

    @Override
    public String sign(AccessTokenClaims claims) {
        String token = "token-" + counter.incrementAndGet();
        signed.put(token, claims);
        return token;
    }

    @Override
    public Optional<AccessTokenClaims> read(String token) {
        return Optional.ofNullable(signed.get(token));
    }

    @Override
    public String publicJwks() {
        return "{\"keys\":[]}";
    }
}
