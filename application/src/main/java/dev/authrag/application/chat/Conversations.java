package dev.authrag.application.chat;

import dev.authrag.domain.chat.ChatMessage;
import dev.authrag.domain.chat.Conversation;
import dev.authrag.domain.chat.ConversationId;
import dev.authrag.domain.chat.MessageId;
import dev.authrag.domain.user.UserId;

import java.util.List;
import java.util.Optional;

/**
 * Driven port: the users' conversations and their messages. Whether a caller may see one is decided above this
 * port ({@code Conversation.isOwnedBy}); lookups return conversations whoever owns them.
 */
public interface Conversations {

    /** Stores a new conversation together with its first message: both or neither. */
    void start(Conversation conversation, ChatMessage first);

    Optional<Conversation> find(ConversationId id);

    /** Adds a message to a stored conversation; false when the conversation is gone (deleted meanwhile). */
    boolean append(ChatMessage message);

    /** The owner's conversations, newest first, starting after {@code after} (from the newest when null), at most {@code limit}. */
    List<Conversation> newestFirst(UserId owner, ConversationId after, int limit);

    /**
     * A conversation's messages, newest first (in the order they were appended), starting after {@code after} (from
     * the newest when null), at most {@code limit}.
     */
    List<ChatMessage> newestMessages(ConversationId conversation, MessageId after, int limit);

    /** Deletes a conversation with its messages; false when there was none. */
    boolean delete(ConversationId id);
}
