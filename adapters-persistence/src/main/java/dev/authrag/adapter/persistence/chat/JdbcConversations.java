package dev.authrag.adapter.persistence.chat;

import dev.authrag.application.chat.Conversations;
import dev.authrag.domain.chat.ChatMessage;
import dev.authrag.domain.chat.Conversation;
import dev.authrag.domain.chat.ConversationId;
import dev.authrag.domain.chat.MessageId;
import dev.authrag.domain.chat.Role;
import dev.authrag.domain.user.UserId;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link Conversations} on PostgreSQL; each write is one statement or one transaction, so it is atomic. Plain SQL through {@link JdbcOperations} rather than a generated repository:
 * the {@code text[]} sources, the identity order and the keyset conditions read more plainly as the SQL that runs.
 */
@Singleton
public class JdbcConversations implements Conversations {

    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final String MESSAGE_COLUMNS = "id, conversation_id, role, content, sources, created_at";

    private final JdbcOperations jdbc;

    JdbcConversations(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void start(Conversation conversation, ChatMessage first) {
        jdbc.execute(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO chat_conversations (id, user_id, title, created_at) VALUES (?, ?, ?, ?)")) {
                insert.setObject(1, conversation.id().value());
                insert.setObject(2, conversation.owner().value());
                insert.setString(3, conversation.title());
                insert.setObject(4, timestamp(conversation.createdAt()));
                insert.executeUpdate();
            }
            insertMessage(connection, first);
            return null;
        });
    }

    @Override
    @Connectable
    public Optional<Conversation> find(ConversationId id) {
        return jdbc.prepareStatement("SELECT id, user_id, title, created_at FROM chat_conversations WHERE id = ?", statement -> {
            statement.setObject(1, id.value());
            List<Conversation> found = conversations(statement);
            return found.stream().findFirst();
        });
    }

    @Override
    @Connectable
    public boolean append(ChatMessage message) {
        try {
            return jdbc.execute(connection -> insertMessage(connection, message) == 1);
        } catch (RuntimeException e) {
            if (isForeignKeyViolation(e)) {
                return false; // the conversation was deleted between the check and the insert
            }
            throw e;
        }
    }

    @Override
    @Connectable
    public List<Conversation> newestFirst(UserId owner, ConversationId after, int limit) {
        String sql = "SELECT id, user_id, title, created_at FROM chat_conversations WHERE user_id = ?"
                + (after == null ? "" : " AND (created_at, id) < (SELECT created_at, id FROM chat_conversations WHERE id = ? AND user_id = ?)")
                + " ORDER BY created_at DESC, id DESC LIMIT ?";
        return jdbc.prepareStatement(sql, statement -> {
            int index = 1;
            statement.setObject(index++, owner.value());
            if (after != null) {
                statement.setObject(index++, after.value());
                statement.setObject(index++, owner.value());
            }
            statement.setInt(index, limit);
            return conversations(statement);
        });
    }

    @Override
    @Connectable
    public List<ChatMessage> newestMessages(ConversationId conversation, MessageId after, int limit) {
        String sql = "SELECT " + MESSAGE_COLUMNS + " FROM chat_messages WHERE conversation_id = ?"
                + (after == null ? "" : " AND seq < (SELECT seq FROM chat_messages WHERE id = ? AND conversation_id = ?)")
                + " ORDER BY seq DESC LIMIT ?";
        return jdbc.prepareStatement(sql, statement -> {
            int index = 1;
            statement.setObject(index++, conversation.value());
            if (after != null) {
                statement.setObject(index++, after.value());
                statement.setObject(index++, conversation.value());
            }
            statement.setInt(index, limit);
            List<ChatMessage> messages = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    messages.add(new ChatMessage(new MessageId(rows.getObject("id", UUID.class)),
                            new ConversationId(rows.getObject("conversation_id", UUID.class)),
                            Role.valueOf(rows.getString("role")), rows.getString("content"),
                            Arrays.asList((String[]) rows.getArray("sources").getArray()),
                            instant(rows, "created_at")));
                }
            }
            return messages;
        });
    }

    @Override
    @Connectable
    public boolean delete(ConversationId id) {
        return jdbc.prepareStatement("DELETE FROM chat_conversations WHERE id = ?", statement -> {
            statement.setObject(1, id.value());
            return statement.executeUpdate() == 1;
        });
    }

    private static int insertMessage(Connection connection, ChatMessage message) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO chat_messages (" + MESSAGE_COLUMNS + ") "
                + "SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM chat_conversations WHERE id = ?)")) {
            insert.setObject(1, message.id().value());
            insert.setObject(2, message.conversationId().value());
            insert.setString(3, message.role().name());
            insert.setString(4, message.content());
            insert.setArray(5, connection.createArrayOf("text", message.sources().toArray(String[]::new)));
            insert.setObject(6, timestamp(message.createdAt()));
            insert.setObject(7, message.conversationId().value());
            return insert.executeUpdate();
        }
    }

    private static List<Conversation> conversations(PreparedStatement statement) throws SQLException {
        List<Conversation> conversations = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                conversations.add(new Conversation(new ConversationId(rows.getObject("id", UUID.class)),
                        new UserId(rows.getObject("user_id", UUID.class)), rows.getString("title"), instant(rows, "created_at")));
            }
        }
        return conversations;
    }

    private static boolean isForeignKeyViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && FOREIGN_KEY_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rows, String column) throws SQLException {
        return rows.getObject(column, OffsetDateTime.class).toInstant();
    }
}
