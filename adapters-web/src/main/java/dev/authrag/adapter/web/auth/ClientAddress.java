package dev.authrag.adapter.web.auth;

import dev.authrag.domain.session.ClientInfo;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

import java.net.InetSocketAddress;

/** Who is calling: the socket peer's address and the User-Agent header. */
final class ClientAddress {

    private ClientAddress() {
    }

    static ClientInfo of(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String ip = remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
        if (ip != null && ip.indexOf('%') > 0) {
            ip = ip.substring(0, ip.indexOf('%'));
        }
        return new ClientInfo(ip, request.getHeaders().get(HttpHeaders.USER_AGENT));
    }
}
