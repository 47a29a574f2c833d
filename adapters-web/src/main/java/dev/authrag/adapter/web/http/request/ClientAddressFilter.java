package dev.authrag.adapter.web.http.request;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Resolves the client's address once per request, through the {@link TrustedProxies}, so that the session list,
 * the audit trail and the rate limits all see the same client. Parsing only, so it stays on the event loop.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class ClientAddressFilter implements Ordered {

    private static final String ATTRIBUTE = "authrag.client-address";

    private final TrustedProxies proxies;

    ClientAddressFilter(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    @RequestFilter
    public void resolve(HttpRequest<?> request) {
        InetAddress client = proxies.clientOf(peer(request), request.getHeaders().getAll(TrustedProxies.X_FORWARDED_FOR));
        if (client != null) {
            request.setAttribute(ATTRIBUTE, client);
        }
    }

    /** The client's address as resolved for this request; the socket peer if the filter has not run. */
    public static Optional<InetAddress> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, InetAddress.class).or(() -> Optional.ofNullable(peer(request)));
    }

    private static InetAddress peer(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null ? null : remote.getAddress();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }
}
