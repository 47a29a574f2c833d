package dev.authrag.adapter.web.crypto.archfixture;

import dev.authrag.adapter.web.http.problem.Problem;

/**
 * Deliberately breaks the edge rule (an outbound adapter reaching an HTTP type), so the architecture test can prove
 * the rule fails. Test sources only; the real suite never imports it.
 */
public final class CryptoUsingHttp {

    public Class<?> leak() {
        return Problem.class;
    }
}
