package dev.authrag.adapter.web.http.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.authrag.application.chat.AnsweringStatus;
import dev.authrag.application.chat.AskQuestion;
import dev.authrag.application.chat.ListConversations;
import dev.authrag.application.chat.ReadConversation;
import dev.authrag.domain.chat.ChatMessage;
import dev.authrag.domain.chat.Conversation;
import dev.authrag.domain.chat.ConversationId;
import dev.authrag.domain.chat.MessageId;
import dev.authrag.domain.user.UserId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The JSON bodies of the /api/chat routes, as ../shared/CONTRACT.md names them. Their toString never shows message text. */
final class ChatMessages {

    private ChatMessages() {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record MessageRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = false, minLength = 1, maxLength = 4000) @Nullable String message,
                          @Nullable UUID conversationId) {

        AskQuestion.Command toCommand(UserId asker) {
            return new AskQuestion.Command(asker, conversationId == null ? null : new ConversationId(conversationId), message);
        }

        @Override
        public String toString() {
            return "MessageRequest[conversationId=" + conversationId + ", " + (message == null ? 0 : message.length()) + " chars]";
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MessageResponse(UUID userMessageId, String response, UUID responseMessageId, UUID conversationId,
                           List<String> sources, Instant timestamp) {

        static MessageResponse from(AskQuestion.Answered answered) {
            ChatMessage answer = answered.answer();
            return new MessageResponse(answered.question().id().value(), answer.content(), answer.id().value(),
                    answered.conversation().value(), answer.sources(), seconds(answer.createdAt()));
        }

        @Override
        public String toString() {
            return "MessageResponse[conversationId=" + conversationId + ", " + response.length() + " chars]";
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record ConversationSummary(UUID id, String title, Instant createdAt) {

        static ConversationSummary from(Conversation conversation) {
            return new ConversationSummary(conversation.id().value(), conversation.title(), seconds(conversation.createdAt()));
        }
    }

    /** {@code next_before}: pass it as {@code before} for the next page; null on the last page. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ConversationsResponse(List<ConversationSummary> conversations, @Nullable UUID nextBefore) {

        static ConversationsResponse from(ListConversations.Page page) {
            return new ConversationsResponse(page.conversations().stream().map(ConversationSummary::from).toList(),
                    page.next().map(ConversationId::value).orElse(null));
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MessageView(UUID id, String role, String content, List<String> sources, Instant createdAt) {

        static MessageView from(ChatMessage message) {
            return new MessageView(message.id().value(), message.role().name().toLowerCase(Locale.ROOT), message.content(),
                    message.sources(), seconds(message.createdAt()));
        }

        @Override
        public String toString() {
            return "MessageView[id=" + id + ", " + content.length() + " chars]";
        }
    }

    /** Messages oldest first; {@code next_before} fetches the older page before them, null when there is none. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MessagesResponse(UUID conversationId, List<MessageView> messages, @Nullable UUID nextBefore) {

        static MessagesResponse from(ConversationId conversation, ReadConversation.Page page) {
            return new MessagesResponse(conversation.value(), page.messages().stream().map(MessageView::from).toList(),
                    page.next().map(MessageId::value).orElse(null));
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record StatusResponse(String status, Instant timestamp) {

        static StatusResponse of(AnsweringStatus.Availability availability, Instant now) {
            return new StatusResponse(availability.name().toLowerCase(Locale.ROOT), seconds(now));
        }
    }

    /** The contract shows whole-second UTC timestamps. */
    static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
