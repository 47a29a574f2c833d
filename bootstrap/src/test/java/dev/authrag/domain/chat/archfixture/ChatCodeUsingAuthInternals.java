package dev.authrag.domain.chat.archfixture;

import dev.authrag.domain.session.Session;

/**
 * Deliberately breaks the chat slice's rule (chat code that reaches past auth's identity types into its internals), so
 * the architecture tests can prove the rule fails. Lives in test sources only; the real suite never imports it.
 */
public class ChatCodeUsingAuthInternals {

    public boolean peek(Session session) {
        return session.revokedAt().isPresent();
    }
}
