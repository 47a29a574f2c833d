package dev.authrag.adapter.web.token;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** The public keys other services use to verify access tokens offline (RFC 7517 JWK Set). In memory: no blocking. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class JwksController {

    private final JwtKeyRing keyRing;

    JwksController(JwtKeyRing keyRing) {
        this.keyRing = keyRing;
    }

    @Get(value = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> jwks() {
        return HttpResponse.ok(keyRing.publicJwks())
                .header("Cache-Control", "public, max-age=300");
    }
}
