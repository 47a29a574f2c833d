package dev.authrag.bootstrap.edge;

import dev.authrag.bootstrap.settings.Setting;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.cors.CorsOriginConfiguration;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Holds Micronaut's built-in CORS to {@code CORS_ALLOWED_ORIGINS}: application.yml declares the one configuration,
 * {@code web} (methods, headers, credentials); this sets its origins to the parsed list, exact origins only, and
 * switches CORS off when the list is empty. Micronaut's own defaults are the danger it guards against: enabled with
 * no configuration, or a configuration without origins, allows every origin, and with credentials allowed that
 * would let any site act as a signed-in user. A wildcard is refused at start-up for the same reason.
 */
@Singleton
class CorsAllowlist implements BeanCreatedEventListener<HttpServerConfiguration.CorsConfiguration> {

    static final String VARIABLE = "CORS_ALLOWED_ORIGINS";
    static final String CONFIGURATION = "web";

    private final EdgeSettings settings;

    CorsAllowlist(EdgeSettings settings) {
        this.settings = settings;
    }

    @Override
    public HttpServerConfiguration.CorsConfiguration onCreated(BeanCreatedEvent<HttpServerConfiguration.CorsConfiguration> event) {
        HttpServerConfiguration.CorsConfiguration cors = event.getBean();
        List<String> origins = parse(settings.corsAllowedOrigins());
        CorsOriginConfiguration web = cors.getConfigurations().get(CONFIGURATION);
        if (web == null) {
            throw new IllegalStateException("application.yml must declare micronaut.server.cors.configurations." + CONFIGURATION);
        }
        web.setAllowedOrigins(origins);
        web.setAllowedOriginsRegex(null);
        cors.setConfigurations(Map.of(CONFIGURATION, web));
        cors.setEnabled(!origins.isEmpty());
        return cors;
    }

    /** Comma-separated exact origins ({@code https://app.example.com}, {@code http://localhost:5173}); blank means none. */
    static List<String> parse(String value) {
        List<String> origins = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return origins;
        }
        for (String raw : value.split(",")) {
            String origin = raw.strip();
            if (origin.isEmpty()) {
                continue;
            }
            if (origin.contains("*")) {
                throw new Setting.InvalidSettingException(VARIABLE + " must list exact origins: a wildcard would let any "
                        + "site make credentialed requests; got '" + origin + "'");
            }
            if (!isOrigin(origin)) {
                throw new Setting.InvalidSettingException(VARIABLE + " must list origins such as https://app.example.com "
                        + "(lower-case scheme, host and optional port; no path, no trailing slash); got '" + origin + "'");
            }
            origins.add(origin);
        }
        return List.copyOf(origins);
    }

    private static boolean isOrigin(String origin) {
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && uri.getRawUserInfo() == null
                    && uri.getRawPath().isEmpty() && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && origin.equals(origin.toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
