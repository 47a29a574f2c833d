package dev.authrag.adapter.web.http.request;

import dev.authrag.adapter.web.http.request.ClientAddressFilter;
import dev.authrag.domain.session.ClientInfo;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

/** Who is calling: the client's address (resolved through the trusted proxies) and the User-Agent header. */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static ClientInfo of(HttpRequest<?> request) {
        String ip = ClientAddressFilter.of(request).map(address -> address.getHostAddress()).orElse(null);
        if (ip != null && ip.indexOf('%') > 0) {
            ip = ip.substring(0, ip.indexOf('%'));
        }
        return new ClientInfo(ip, request.getHeaders().get(HttpHeaders.USER_AGENT));
    }
}
