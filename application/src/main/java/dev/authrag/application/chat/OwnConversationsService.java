package dev.authrag.application.chat;

import dev.authrag.domain.chat.ChatException;
import dev.authrag.domain.chat.ChatException.Reason;
import dev.authrag.domain.chat.ChatMessage;
import dev.authrag.domain.chat.Conversation;
import dev.authrag.domain.chat.ConversationId;
import dev.authrag.domain.user.UserId;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Lists, reads and deletes a caller's own conversations. Someone else's conversation is reported exactly like one
 * that does not exist, so ids cannot be probed.
 */
public final class OwnConversationsService implements ListConversations, ReadConversation, DeleteConversation {

    static final String NOT_FOUND = "No such conversation.";

    private final Conversations conversations;

    public OwnConversationsService(Conversations conversations) {
        this.conversations = conversations;
    }

    @Override
    public ListConversations.Page list(ListConversations.Query query) {
        List<Conversation> found = conversations.newestFirst(query.owner(), query.after(), query.limit() + 1);
        boolean more = found.size() > query.limit();
        List<Conversation> page = more ? found.subList(0, query.limit()) : found;
        return new ListConversations.Page(page, more ? Optional.of(page.get(page.size() - 1).id()) : Optional.empty());
    }

    @Override
    public ReadConversation.Page read(ReadConversation.Query query) {
        Conversation conversation = own(query.reader(), query.conversation());
        List<ChatMessage> found = conversations.newestMessages(conversation.id(), query.before(), query.limit() + 1);
        boolean more = found.size() > query.limit();
        List<ChatMessage> page = new ArrayList<>(more ? found.subList(0, query.limit()) : found);
        Optional<ChatMessage> oldest = page.isEmpty() ? Optional.empty() : Optional.of(page.get(page.size() - 1));
        Collections.reverse(page);
        return new ReadConversation.Page(page, more ? oldest.map(ChatMessage::id) : Optional.empty());
    }

    @Override
    public void delete(UserId caller, ConversationId conversation) {
        if (!conversations.delete(own(caller, conversation).id())) {
            throw notFound();
        }
    }

    private Conversation own(UserId caller, ConversationId id) {
        return conversations.find(id).filter(conversation -> conversation.isOwnedBy(caller)).orElseThrow(OwnConversationsService::notFound);
    }

    static ChatException notFound() {
        return new ChatException(Reason.CONVERSATION_NOT_FOUND, NOT_FOUND);
    }
}
