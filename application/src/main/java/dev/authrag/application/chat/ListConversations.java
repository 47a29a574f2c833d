package dev.authrag.application.chat;

import dev.authrag.domain.chat.Conversation;
import dev.authrag.domain.chat.ConversationId;
import dev.authrag.domain.user.UserId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Use case: the caller's own conversations, newest first, one page at a time. */
public interface ListConversations {

    int DEFAULT_LIMIT = 20;
    int MAX_LIMIT = 100;

    Page list(Query query);

    /** Whose conversations, how many ({@code 1..MAX_LIMIT}), and after which one (null for the newest). */
    record Query(UserId owner, int limit, ConversationId after) {

        public Query {
            Objects.requireNonNull(owner, "owner");
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must lie between 1 and " + MAX_LIMIT + "; got " + limit);
            }
        }
    }

    /** One page, and the last conversation on it when there are more after it. */
    record Page(List<Conversation> conversations, Optional<ConversationId> next) {

        public Page {
            conversations = List.copyOf(conversations);
            Objects.requireNonNull(next, "next");
        }
    }
}
