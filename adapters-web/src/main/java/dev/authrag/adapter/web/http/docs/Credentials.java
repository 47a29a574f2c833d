package dev.authrag.adapter.web.http.docs;

import dev.authrag.adapter.web.http.problem.Problem;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The credentials a route accepts, as the OpenAPI document states them (../shared/CONTRACT.md: "session" and "any").
 * Documentation only: {@code @Secured} and the token validators decide; these name the schemes of
 * {@link ApiDocumentation}, one security requirement per scheme, so any one of them is enough. Unannotated routes
 * take no credential.
 */
public final class Credentials {

    private Credentials() {
    }

    /** The session itself: the {@code session_token} cookie or the session token as a Bearer token. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @SecurityRequirement(name = ApiDocumentation.SESSION_COOKIE)
    @SecurityRequirement(name = ApiDocumentation.SESSION_BEARER)
    @ApiResponse(responseCode = "401", description = "No credential, or one that is invalid, expired or revoked "
            + "(`unauthenticated`); an access token where the session itself is needed.",
            headers = @Header(name = "WWW-Authenticate", description = "`Bearer realm=\"authrag\"`", schema = @Schema(type = "string")),
            content = @Content(mediaType = Problems.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface Session {
    }

    /** The session (cookie or Bearer) or an access token (Bearer JWT). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @SecurityRequirement(name = ApiDocumentation.SESSION_COOKIE)
    @SecurityRequirement(name = ApiDocumentation.SESSION_BEARER)
    @SecurityRequirement(name = ApiDocumentation.ACCESS_TOKEN)
    @ApiResponse(responseCode = "401", description = "No credential, or one that is invalid, expired or revoked "
            + "(`unauthenticated`).",
            headers = @Header(name = "WWW-Authenticate", description = "`Bearer realm=\"authrag\"`", schema = @Schema(type = "string")),
            content = @Content(mediaType = Problems.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface Any {
    }
}
