package dev.authrag.application.chat;

import dev.authrag.application.auth.Users;
import dev.authrag.domain.chat.ChatMessage;
import dev.authrag.domain.chat.Conversation;
import dev.authrag.domain.chat.ConversationId;
import dev.authrag.domain.chat.MessageId;
import dev.authrag.domain.chat.Role;
import dev.authrag.domain.user.Email;
import dev.authrag.domain.user.PasswordHash;
import dev.authrag.domain.user.User;
import dev.authrag.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link Conversations} adapter must do, run against the in-memory fake and the PostgreSQL adapter.
 * Conversations belong to users stored first through {@link #users()}. Instants are truncated to microseconds,
 * the precision PostgreSQL keeps.
 */
public abstract class ConversationsContract {

    protected static final Instant T0 = Instant.parse("2026-02-01T08:00:00.123456789Z").truncatedTo(ChronoUnit.MICROS);

    protected abstract Users users();

    protected abstract Conversations conversations();

    @Test
    void start_storesTheConversationAndItsFirstMessage_fieldForField() {
        UserId owner = aStoredUser();
        Conversation conversation = new Conversation(ConversationId.random(), owner, "Title — ✓", T0);
        ChatMessage first = message(conversation, Role.USER, "Wie geht's? 😀", List.of(), T0);

        conversations().start(conversation, first);

        assertThat(conversations().find(conversation.id())).contains(conversation);
        assertThat(conversations().newestMessages(conversation.id(), null, 10)).containsExactly(first);
    }

    @Test
    void append_keepsSourcesInOrder_andRefusesAConversationThatIsGone() {
        Conversation conversation = aStartedConversation(aStoredUser(), T0);
        ChatMessage answer = message(conversation, Role.ASSISTANT, "answer",
                List.of("https://docs.example.com/b", "https://docs.example.com/a"), T0.plusSeconds(1));

        assertThat(conversations().append(answer)).isTrue();
        assertThat(conversations().newestMessages(conversation.id(), null, 1)).containsExactly(answer);

        ChatMessage orphan = message(new Conversation(ConversationId.random(), conversation.owner(), "x", T0), Role.USER, "q",
                List.of(), T0);
        assertThat(conversations().append(orphan)).isFalse();
    }

    @Test
    void newestMessages_followTheOrderOfAppending_evenWithinOneInstant_andPage() {
        Conversation conversation = aStartedConversation(aStoredUser(), T0);
        ChatMessage a = message(conversation, Role.ASSISTANT, "a", List.of(), T0);
        ChatMessage b = message(conversation, Role.USER, "b", List.of(), T0);
        ChatMessage c = message(conversation, Role.ASSISTANT, "c", List.of(), T0);
        conversations().append(a);
        conversations().append(b);
        conversations().append(c);

        List<ChatMessage> newest = conversations().newestMessages(conversation.id(), null, 2);
        List<ChatMessage> older = conversations().newestMessages(conversation.id(), newest.get(1).id(), 10);

        assertThat(newest).extracting(ChatMessage::content).containsExactly("c", "b");
        assertThat(older).extracting(ChatMessage::content).containsExactly("a", "first question");
    }

    @Test
    void newestFirst_listsOnlyTheOwnersConversations_newestFirst_inPages() {
        UserId owner = aStoredUser();
        UserId other = aStoredUser();
        Conversation oldest = aStartedConversation(owner, T0);
        Conversation middle = aStartedConversation(owner, T0.plusSeconds(60));
        Conversation newest = aStartedConversation(owner, T0.plusSeconds(120));
        aStartedConversation(other, T0.plusSeconds(180));

        List<Conversation> first = conversations().newestFirst(owner, null, 2);
        List<Conversation> second = conversations().newestFirst(owner, first.get(1).id(), 2);

        assertThat(first).containsExactly(newest, middle);
        assertThat(second).containsExactly(oldest);
        assertThat(conversations().newestFirst(owner, oldest.id(), 2)).isEmpty();
    }

    @Test
    void delete_removesTheConversationWithItsMessages_once() {
        Conversation conversation = aStartedConversation(aStoredUser(), T0);

        assertThat(conversations().delete(conversation.id())).isTrue();

        assertThat(conversations().find(conversation.id())).isEmpty();
        assertThat(conversations().newestMessages(conversation.id(), null, 10)).isEmpty();
        assertThat(conversations().delete(conversation.id())).isFalse();
    }

    protected UserId aStoredUser() {
        User user = User.restore(UserId.random(), Email.of("chat-" + UUID.randomUUID() + "@example.com"), "Chatter",
                new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"), T0, T0);
        assertThat(users().add(user)).isTrue();
        return user.id();
    }

    private Conversation aStartedConversation(UserId owner, Instant at) {
        Conversation conversation = new Conversation(ConversationId.random(), owner, "A conversation", at);
        conversations().start(conversation, message(conversation, Role.USER, "first question", List.of(), at));
        return conversation;
    }

    private static ChatMessage message(Conversation conversation, Role role, String content, List<String> sources, Instant at) {
        return new ChatMessage(MessageId.random(), conversation.id(), role, content, sources, at);
    }
}
