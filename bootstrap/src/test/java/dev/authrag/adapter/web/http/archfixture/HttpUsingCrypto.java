package dev.authrag.adapter.web.http.archfixture;

import dev.authrag.adapter.web.crypto.keys.JwtKeyRing;

/**
 * Deliberately breaks the edge rule the other way (the HTTP side reaching an outbound adapter instead of an
 * application port). Test sources only.
 */
public final class HttpUsingCrypto {

    public Class<?> leak() {
        return JwtKeyRing.class;
    }
}
