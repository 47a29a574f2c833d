package dev.authrag.adapter.web.http.token;

import dev.authrag.application.token.TokenSigner;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The public keys other services use to verify access tokens offline (RFC 7517 JWK Set). In memory: no blocking. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "keys")
public class JwksController {

    private final TokenSigner keyRing;

    JwksController(TokenSigner keyRing) {
        this.keyRing = keyRing;
    }

    @Get(value = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "jwks", summary = "The public keys that verify access tokens (RFC 7517 JWK Set)")
    @ApiResponse(responseCode = "200", description = "`{\"keys\": [...]}`: EC P-256 keys with `kid`, `use: sig`, `alg: ES256`",
            headers = @Header(name = "Cache-Control", description = "`public, max-age=300`", schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")))
    HttpResponse<String> jwks() {
        return HttpResponse.ok(keyRing.publicJwks())
                .header("Cache-Control", "public, max-age=300");
    }
}
