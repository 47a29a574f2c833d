package dev.authrag.bootstrap.edge;

import dev.authrag.adapter.web.request.TrustedProxies;
import dev.authrag.bootstrap.Setting;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;

/** Wires how the web adapter finds the client's address. */
@Factory
class EdgeFactory {

    /** Created at start-up, so a malformed value stops it. */
    @Context
    TrustedProxies trustedProxies(EdgeSettings settings) {
        return new TrustedProxies(Setting.integer("TRUSTED_PROXY_HOPS", settings.trustedProxyHops(), 0, TrustedProxies.MAX_HOPS));
    }
}
