package dev.authrag.adapter.web.http.archfixture.first;

import dev.authrag.adapter.web.http.archfixture.second.Second;

/** With {@link Second}, a deliberate package cycle, so the architecture test can prove the no-cycles rule fails. */
public final class First {

    public Second next() {
        return new Second();
    }
}
