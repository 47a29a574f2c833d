package dev.authrag.application.chat;

import dev.authrag.domain.chat.ChatMessage;
import dev.authrag.domain.chat.ConversationId;
import dev.authrag.domain.chat.MessageId;
import dev.authrag.domain.user.UserId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Use case: the messages of one of the caller's own conversations, the latest page first. */
public interface ReadConversation {

    int DEFAULT_LIMIT = 50;
    int MAX_LIMIT = 200;

    /** @throws dev.authrag.domain.chat.ChatException CONVERSATION_NOT_FOUND, also for someone else's conversation */
    Page read(Query query);

    /** Whose request, which conversation, how many ({@code 1..MAX_LIMIT}) and older than which message (null for the latest). */
    record Query(UserId reader, ConversationId conversation, int limit, MessageId before) {

        public Query {
            Objects.requireNonNull(reader, "reader");
            Objects.requireNonNull(conversation, "conversation");
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must lie between 1 and " + MAX_LIMIT + "; got " + limit);
            }
        }
    }

    /** Messages oldest first, and the oldest of them when older ones remain. */
    record Page(List<ChatMessage> messages, Optional<MessageId> next) {

        public Page {
            messages = List.copyOf(messages);
            Objects.requireNonNull(next, "next");
        }
    }
}
