package dev.authrag.domain.archfixture;

import dev.authrag.domain.chat.ConversationId;

/**
 * Deliberately breaks the chat slice's rule (code outside chat that depends on chat), so the architecture tests can
 * prove the rule fails. Lives in test sources only; the real suite never imports it.
 */
public class AuthCodeUsingChat {

    public ConversationId leak() {
        return ConversationId.random();
    }
}
