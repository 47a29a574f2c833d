package dev.authrag.adapter.persistence.chat;

import dev.authrag.adapter.persistence.testing.OnTestDatabase;
import dev.authrag.adapter.persistence.testing.TestDatabase;
import dev.authrag.adapter.persistence.user.JdbcUsers;
import dev.authrag.application.auth.Users;
import dev.authrag.application.chat.Conversations;
import dev.authrag.application.chat.ConversationsContract;
import dev.authrag.domain.chat.ChatMessage;
import dev.authrag.domain.chat.Conversation;
import dev.authrag.domain.chat.ConversationId;
import dev.authrag.domain.chat.MessageId;
import dev.authrag.domain.chat.Question;
import dev.authrag.domain.chat.Role;
import dev.authrag.domain.user.UserId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@link Conversations} contract against PostgreSQL with the real migrations, and what only the database enforces. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcConversationsTest extends ConversationsContract implements OnTestDatabase {

    private final TestDatabase database = TestDatabase.create("conversations");

    @Inject
    JdbcUsers jdbcUsers;

    @Inject
    JdbcConversations jdbcConversations;

    @Override
    public TestDatabase database() {
        return database;
    }

    @Override
    protected Users users() {
        return jdbcUsers;
    }

    @Override
    protected Conversations conversations() {
        return jdbcConversations;
    }

    @Test
    void start_isAllOrNothing_whenTheFirstMessageCannotBeStored() throws Exception {
        UserId owner = aStoredUser();
        Conversation conversation = Conversation.start(owner, new Question("q"), T0);
        // PostgreSQL refuses a NUL character in text: the message insert fails after the conversation insert (the
        // domain refuses such a question, so the message is built directly)
        ChatMessage unstorable = new ChatMessage(MessageId.random(), conversation.id(), Role.USER, "bad \u0000 byte",
                List.of(), T0);

        assertThatThrownBy(() -> jdbcConversations.start(conversation, unstorable)).isInstanceOf(RuntimeException.class);

        assertThat(jdbcConversations.find(conversation.id())).isEmpty();
        assertThat(count("SELECT count(*) FROM chat_conversations WHERE id = '" + conversation.id().value() + "'")).isZero();
    }

    @Test
    void deletingTheAccount_deletesItsConversationsAndMessages() throws Exception {
        UserId owner = aStoredUser();
        Conversation conversation = Conversation.start(owner, new Question("q"), T0);
        jdbcConversations.start(conversation, ChatMessage.asked(conversation.id(), new Question("q"), T0));

        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM users WHERE id = '" + owner.value() + "'");
        }

        assertThat(jdbcConversations.find(conversation.id())).isEmpty();
        assertThat(count("SELECT count(*) FROM chat_messages WHERE conversation_id = '" + conversation.id().value() + "'")).isZero();
        assertThat(jdbcConversations.find(ConversationId.random())).isEmpty();
    }

    private long count(String sql) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
