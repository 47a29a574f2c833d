package dev.authrag.adapter.web.http.archfixture.second;

import dev.authrag.adapter.web.http.archfixture.first.First;

/** With {@link First}, a deliberate package cycle. Test sources only. */
public final class Second {

    public First back() {
        return new First();
    }
}
