package dev.authrag.adapter.web.http.docs;

import dev.authrag.adapter.web.http.problem.Problem;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Error answers shared by several routes, for the OpenAPI document: each is an RFC 9457 {@link Problem}
 * ({@code application/problem+json}) with a stable {@code code}. A route's own errors are written on the route.
 */
public final class Problems {

    public static final String PROBLEM_JSON = "application/problem+json";

    private Problems() {
    }

    /** 400: malformed JSON or a missing, mistyped or invalid field or parameter. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "400", description = "Malformed JSON (`malformed_json`) or a missing, mistyped or invalid "
            + "field or parameter (`invalid_request` and the route's own codes), with `errors` naming the fields.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface BadRequest {
    }

    /** 404: the id names nothing the caller owns; someone else's is answered the same way. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "404", description = "Unknown, malformed or someone else's id.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface NotFound {
    }

    /** 403: an unsafe request made with the session cookie from a site that is neither this service nor allowed. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "403", description = "`cross_site_request`: made with the session cookie from an origin "
            + "that is neither the service's own nor in `CORS_ALLOWED_ORIGINS` (by `Origin`, or `Sec-Fetch-Site` without "
            + "it); nothing was changed. A request authenticated by `Authorization` is never refused this way.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface CrossSite {
    }

    /** 415: the route takes a JSON body, and the request has no content type or another one. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "415", description = "`unsupported_media_type`: the body must be sent as "
            + "`Content-Type: application/json`, which a missing content type is not.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface UnsupportedMediaType {
    }

    /** 429 with Retry-After: a rate limit refused the attempt. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "429", description = "Over a rate limit (`rate_limited`). Every answer of this route, "
            + "not only this one, carries `RateLimit-Policy` and `RateLimit` (IETF httpapi draft).",
            headers = {
                    @Header(name = "Retry-After", description = "Seconds until an attempt is admitted again.",
                            schema = @Schema(type = "integer", minimum = "1")),
                    @Header(name = "RateLimit-Policy", description = "The limits: `\"signin-ip\";q=10;w=300`, ...",
                            schema = @Schema(type = "string")),
                    @Header(name = "RateLimit", description = "What is left: `\"signin-ip\";r=0;t=30`, ...",
                            schema = @Schema(type = "string"))},
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface RateLimited {
    }

    /** 503 with Retry-After: load shed (password hashing at capacity) or the database unreachable. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "503", description = "Shed under load (`overloaded`, password hashing at capacity) or "
            + "the database cannot be reached (`database_unavailable`); retry after `Retry-After` seconds.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying.",
                    schema = @Schema(type = "integer", minimum = "1")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface Unavailable {
    }
}
