package dev.authrag.adapter.web.http.docs;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The head of the OpenAPI document that micronaut-openapi writes at compile time (META-INF/swagger/authrag.yml,
 * served by {@link DocsController}): its title, its tags and the three credentials of ../shared/CONTRACT.md as
 * security schemes. The routes are read from the controllers; {@link Credentials} and {@link Problems} add what the
 * code alone does not say.
 */
@OpenAPIDefinition(
        info = @Info(title = "authrag", version = "1",
                description = "Registration, sign-in, sessions, access tokens and authenticated chat. Every error is "
                        + "RFC 9457 `application/problem+json` with a stable `code` and the `request_id`; JSON field names "
                        + "are snake_case; timestamps are ISO-8601 UTC.",
                license = @License(name = "Proprietary")),
        tags = {
                @Tag(name = "auth", description = "Registration, sign-in, sign-out, verification, access tokens"),
                @Tag(name = "sessions", description = "The signed-in user's sessions, password and security events"),
                @Tag(name = "chat", description = "Questions answered from the ingested documentation"),
                @Tag(name = "keys", description = "Public keys for verifying access tokens offline"),
                @Tag(name = "health", description = "Liveness and readiness probes"),
                @Tag(name = "docs", description = "This document")})
@SecurityScheme(name = ApiDocumentation.SESSION_COOKIE, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE,
        paramName = "session_token", description = "The HttpOnly session cookie that sign-in sets.")
@SecurityScheme(name = ApiDocumentation.SESSION_BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "opaque", description = "The `session_token` from the sign-in body as `Authorization: Bearer`.")
@SecurityScheme(name = ApiDocumentation.ACCESS_TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "An ES256 access token (`at+jwt`) from sign-in or `POST /api/auth/token`; "
        + "keys at `/.well-known/jwks.json`.")
final class ApiDocumentation {

    static final String SESSION_COOKIE = "session_cookie";
    static final String SESSION_BEARER = "session_bearer";
    static final String ACCESS_TOKEN = "access_token";

    private ApiDocumentation() {
    }
}
