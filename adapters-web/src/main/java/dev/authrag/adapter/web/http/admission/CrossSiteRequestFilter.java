package dev.authrag.adapter.web.http.admission;

import dev.authrag.adapter.web.http.session.SessionCookieTokenReader;

import dev.authrag.adapter.web.http.problem.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses a cross-site request forged with the browser's cookie: an unsafe method (POST, PUT, PATCH, DELETE) whose
 * credential is the {@code session_token} cookie is accepted only from the service's own origin or one of the
 * {@link AllowedOrigins}, judged by {@code Origin}, or by {@code Sec-Fetch-Site} where a browser sent no Origin.
 * Anything else gets 403 {@code cross_site_request} before the security filter, the rate limits or the controller run,
 * so nothing changes and no budget is spent. CORS alone does not do this: it only hides the answer of a simple request
 * from a foreign origin, after the request has done its work.
 *
 * <p>Unaffected: a request with an {@code Authorization: Bearer} header (the cookie is then not read at all, see
 * {@link SessionCookieTokenReader}, and no site can make a browser send it cross-site without a CORS preflight), one without the cookie, and one with neither {@code Origin} nor
 * {@code Sec-Fetch-Site} (scripts and servers; every browser that sends the cookie cross-site sends one of them).
 * {@code Sec-Fetch-Site: none} marks a request the user started from the browser itself, which no site caused, so it
 * passes; {@code same-site} and {@code cross-site} do not. The service's own origin is the one whose host and port
 * are the request's {@code Host} (a Host without a port matches the default port of the Origin's scheme), so it holds
 * behind a proxy that terminates TLS and passes Host through. Header parsing only: it stays on the event loop.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class CrossSiteRequestFilter implements Ordered {

    static final String SEC_FETCH_SITE = "Sec-Fetch-Site";
    private static final Set<HttpMethod> UNSAFE = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final Set<String> NOT_CROSS_SITE = Set.of("same-origin", "none");

    private final AllowedOrigins allowed;

    CrossSiteRequestFilter(AllowedOrigins allowed) {
        this.allowed = allowed;
    }

    @RequestFilter
    @Nullable
    public MutableHttpResponse<Problem> refuseCrossSite(HttpRequest<?> request) {
        if (!UNSAFE.contains(request.getMethod()) || !cookieIsTheCredential(request) || isFromAllowedSite(request)) {
            return null;
        }
        return Problem.of(HttpStatus.FORBIDDEN, "cross_site_request",
                "A request made with the session cookie must come from this service's own origin or an allowed one.",
                request).toResponse();
    }

    /** The cookie is the credential: the one rule the cookie's token reader applies. */
    static boolean cookieIsTheCredential(HttpRequest<?> request) {
        return SessionCookieTokenReader.cookieCredential(request).isPresent();
    }

    private boolean isFromAllowedSite(HttpRequest<?> request) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin != null) {
            return allowed.contains(origin) || isOwnOrigin(origin, request.getHeaders().get(HttpHeaders.HOST));
        }
        String site = request.getHeaders().get(SEC_FETCH_SITE);
        return site == null || NOT_CROSS_SITE.contains(site.strip().toLowerCase(Locale.ROOT));
    }

    /** Whether {@code origin} has the host and port the client addressed ({@code Host}); scheme, as TLS may end at a proxy. */
    static boolean isOwnOrigin(String origin, @Nullable String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            URI originUri = new URI(origin);
            URI hostUri = new URI("http://" + host.strip());
            int defaultPort = originUri.getScheme() == null ? -1 : switch (originUri.getScheme().toLowerCase(Locale.ROOT)) {
                case "https" -> 443;
                case "http" -> 80;
                default -> -1;
            };
            if (defaultPort < 0 || !isBareAuthority(originUri) || !isBareAuthority(hostUri)) {
                return false;
            }
            int originPort = originUri.getPort() < 0 ? defaultPort : originUri.getPort();
            int hostPort = hostUri.getPort() < 0 ? defaultPort : hostUri.getPort();
            return originUri.getHost().equalsIgnoreCase(hostUri.getHost()) && originPort == hostPort;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }

    /** A host and optional port, nothing else: no user info, path, query or fragment. */
    private static boolean isBareAuthority(URI uri) {
        return uri.getHost() != null && uri.getRawUserInfo() == null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                && uri.getRawQuery() == null && uri.getRawFragment() == null;
    }

    @Override
    public int getOrder() {
        // after the CORS filter (which answers preflights), before rate limits, authentication and the controller
        return ServerFilterPhase.SECURITY.before() - 10;
    }
}
