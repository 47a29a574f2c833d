package dev.authrag.bootstrap.edge;

import dev.authrag.adapter.web.http.admission.AllowedOrigins;
import dev.authrag.adapter.web.http.request.TrustedProxies;
import dev.authrag.bootstrap.settings.Setting;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;

import java.util.Set;

/** Wires how the web adapter finds the client's address and which sites may send it the session cookie. */
@Factory
class EdgeFactory {

    /** Created at start-up, so a malformed value stops it. */
    @Context
    TrustedProxies trustedProxies(EdgeSettings settings) {
        return new TrustedProxies(Setting.integer("TRUSTED_PROXY_HOPS", settings.trustedProxyHops(), 0, TrustedProxies.MAX_HOPS));
    }

    /** The origins besides its own from which the service takes a request made with the cookie (CORS_ALLOWED_ORIGINS). */
    @Context
    AllowedOrigins allowedOrigins(EdgeSettings settings) {
        return new AllowedOrigins(Set.copyOf(CorsAllowlist.parse(settings.corsAllowedOrigins())));
    }
}
