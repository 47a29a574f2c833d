package dev.authrag.bootstrap.edge;

import dev.authrag.adapter.web.request.TrustedProxies;
import dev.authrag.bootstrap.Setting;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Wires how the web adapter finds the client's address. */
@Factory
class EdgeFactory {

    @Singleton
    TrustedProxies trustedProxies(EdgeSettings settings) {
        return new TrustedProxies(Setting.integer("TRUSTED_PROXY_HOPS", settings.trustedProxyHops(), 0, TrustedProxies.MAX_HOPS));
    }
}
