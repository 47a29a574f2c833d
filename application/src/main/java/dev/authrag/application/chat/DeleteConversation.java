package dev.authrag.application.chat;

import dev.authrag.domain.chat.ConversationId;
import dev.authrag.domain.user.UserId;

/** Use case: delete one of the caller's own conversations with all its messages. */
public interface DeleteConversation {

    /** @throws dev.authrag.domain.chat.ChatException CONVERSATION_NOT_FOUND, also for someone else's conversation */
    void delete(UserId caller, ConversationId conversation);
}
