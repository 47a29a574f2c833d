package dev.authrag.application.chat;

import dev.authrag.domain.chat.ChatMessage;
import dev.authrag.domain.chat.Conversation;
import dev.authrag.domain.chat.ConversationId;
import dev.authrag.domain.chat.MessageId;
import dev.authrag.domain.user.UserId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test fake of {@link Conversations}: insertion-ordered lists under one lock. */
public final class InMemoryConversations implements Conversations {

    private final Map<ConversationId, Conversation> conversations = new LinkedHashMap<>();
    private final List<ChatMessage> messages = new ArrayList<>();

    @Override
    public synchronized void start(Conversation conversation, ChatMessage first) {
        if (conversations.containsKey(conversation.id())) {
            throw new IllegalStateException("conversation already stored: " + conversation.id());
        }
        conversations.put(conversation.id(), conversation);
        messages.add(first);
    }

    @Override
    public synchronized Optional<Conversation> find(ConversationId id) {
        return Optional.ofNullable(conversations.get(id));
    }

    @Override
    public synchronized boolean append(ChatMessage message) {
        if (!conversations.containsKey(message.conversationId())) {
            return false;
        }
        messages.add(message);
        return true;
    }

    @Override
    public synchronized List<Conversation> newestFirst(UserId owner, ConversationId after, int limit) {
        List<Conversation> owned = conversations.values().stream()
                .filter(conversation -> conversation.isOwnedBy(owner))
                .sorted(Comparator.comparing(Conversation::createdAt).thenComparing(c -> c.id().value().toString()).reversed())
                .toList();
        return page(owned, after == null ? -1 : indexOf(owned, c -> c.id().equals(after)), limit);
    }

    @Override
    public synchronized List<ChatMessage> newestMessages(ConversationId conversation, MessageId after, int limit) {
        List<ChatMessage> newest = new ArrayList<>(messages.stream().filter(m -> m.conversationId().equals(conversation)).toList());
        java.util.Collections.reverse(newest);
        return page(newest, after == null ? -1 : indexOf(newest, m -> m.id().equals(after)), limit);
    }

    @Override
    public synchronized boolean delete(ConversationId id) {
        messages.removeIf(message -> message.conversationId().equals(id));
        return conversations.remove(id) != null;
    }

    private static <T> int indexOf(List<T> list, java.util.function.Predicate<T> match) {
        for (int i = 0; i < list.size(); i++) {
            if (match.test(list.get(i))) {
                return i;
            }
        }
        return Integer.MAX_VALUE; // an unknown anchor: nothing comes after it
    }

    private static <T> List<T> page(List<T> list, int anchor, int limit) {
        if (anchor == Integer.MAX_VALUE) {
            return List.of();
        }
        return List.copyOf(list.subList(Math.min(list.size(), anchor + 1), Math.min(list.size(), anchor + 1 + limit)));
    }
}
