package dev.authrag.domain.archfixture;

import dev.authrag.adapter.persistence.user.JdbcUsers;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;

/**
 * Deliberately breaks the rules (a domain class that uses the framework, field injection and an adapter), so the
 * architecture tests can prove each rule fails. Lives in test sources only; the real suite never imports it.
 */
public class MisplacedDomainClass {

    @Inject
    JdbcUsers users;

    @Nullable
    public Object leak() {
        return users;
    }
}
