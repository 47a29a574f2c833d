package dev.authrag.application.chat;

import dev.authrag.domain.chat.ChatException;
import dev.authrag.domain.chat.ChatException.Reason;
import dev.authrag.domain.chat.ChatMessage;
import dev.authrag.domain.chat.Conversation;
import dev.authrag.domain.chat.ConversationId;
import dev.authrag.domain.chat.Question;
import dev.authrag.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OwnConversationsServiceTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private final InMemoryConversations conversations = new InMemoryConversations();
    private final OwnConversationsService service = new OwnConversationsService(conversations);
    private final UserId ada = UserId.random();
    private final UserId bob = UserId.random();

    @Test
    void list_pagesThroughTheOwnersConversations_newestFirst() {
        List<ConversationId> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            started.add(start(ada, T0.plusSeconds(i), "question " + i).id());
        }
        start(bob, T0.plusSeconds(10), "bob's");

        ListConversations.Page first = service.list(new ListConversations.Query(ada, 2, null));
        ListConversations.Page second = service.list(new ListConversations.Query(ada, 2, first.next().orElseThrow()));
        ListConversations.Page third = service.list(new ListConversations.Query(ada, 2, second.next().orElseThrow()));

        assertThat(first.conversations()).extracting(Conversation::id).containsExactly(started.get(4), started.get(3));
        assertThat(second.conversations()).extracting(Conversation::id).containsExactly(started.get(2), started.get(1));
        assertThat(third.conversations()).extracting(Conversation::id).containsExactly(started.get(0));
        assertThat(third.next()).isEmpty();
    }

    @Test
    void read_givesMessagesOldestFirst_andPagesBackwards() {
        Conversation conversation = start(ada, T0, "m0");
        for (int i = 1; i < 5; i++) {
            conversations.append(ChatMessage.asked(conversation.id(), new Question("m" + i), T0.plusSeconds(i)));
        }

        ReadConversation.Page latest = service.read(new ReadConversation.Query(ada, conversation.id(), 3, null));
        ReadConversation.Page older = service.read(new ReadConversation.Query(ada, conversation.id(), 3, latest.next().orElseThrow()));

        assertThat(latest.messages()).extracting(ChatMessage::content).containsExactly("m2", "m3", "m4");
        assertThat(older.messages()).extracting(ChatMessage::content).containsExactly("m0", "m1");
        assertThat(older.next()).isEmpty();
    }

    @Test
    void someoneElsesConversation_cannotBeReadOrDeleted_andLooksMissing() {
        Conversation adas = start(ada, T0, "private");

        assertThatThrownBy(() -> service.read(new ReadConversation.Query(bob, adas.id(), 10, null)))
                .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONVERSATION_NOT_FOUND));
        assertThatThrownBy(() -> service.delete(bob, adas.id()))
                .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONVERSATION_NOT_FOUND));
        assertThat(conversations.find(adas.id())).isPresent();
    }

    @Test
    void delete_removesTheOwnersConversation_andASecondDeleteIsNotFound() {
        Conversation adas = start(ada, T0, "to delete");

        service.delete(ada, adas.id());

        assertThat(conversations.find(adas.id())).isEmpty();
        assertThatThrownBy(() -> service.delete(ada, adas.id())).isInstanceOf(ChatException.class);
    }

    private Conversation start(UserId owner, Instant at, String question) {
        Question first = new Question(question);
        Conversation conversation = Conversation.start(owner, first, at);
        conversations.start(conversation, ChatMessage.asked(conversation.id(), first, at));
        return conversation;
    }
}
