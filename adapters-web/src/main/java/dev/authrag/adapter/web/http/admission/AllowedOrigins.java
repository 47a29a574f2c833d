package dev.authrag.adapter.web.http.admission;

import java.util.Set;

/**
 * The origins besides the service's own that may make credentialed cross-site requests: exactly those of
 * {@code CORS_ALLOWED_ORIGINS} (lower-case {@code scheme://host[:port]}), which CORS also allows to read answers.
 */
public record AllowedOrigins(Set<String> origins) {

    public AllowedOrigins {
        origins = Set.copyOf(origins);
    }

    public boolean contains(String origin) {
        return origins.contains(origin);
    }
}
