package dev.authrag.adapter.web.http.chat;


import dev.authrag.adapter.web.http.docs.Credentials;
import dev.authrag.adapter.web.http.docs.Problems;
import dev.authrag.adapter.web.http.problem.Problem;

import dev.authrag.adapter.web.http.chat.ChatMessages.ConversationsResponse;
import dev.authrag.adapter.web.http.chat.ChatMessages.MessageRequest;
import dev.authrag.adapter.web.http.chat.ChatMessages.MessageResponse;
import dev.authrag.adapter.web.http.chat.ChatMessages.MessagesResponse;
import dev.authrag.adapter.web.http.chat.ChatMessages.StatusResponse;
import dev.authrag.application.chat.AnsweringStatus;
import dev.authrag.application.chat.AskQuestion;
import dev.authrag.application.chat.DeleteConversation;
import dev.authrag.application.chat.ListConversations;
import dev.authrag.application.chat.ReadConversation;
import dev.authrag.domain.chat.ChatException;
import dev.authrag.domain.chat.ChatException.Reason;
import dev.authrag.domain.chat.ConversationId;
import dev.authrag.domain.chat.MessageId;
import dev.authrag.domain.user.UserId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.UUID;

/**
 * The chat routes. Every credential (cookie, Bearer session token, Bearer access token) authenticates the same way:
 * the user id is the {@link Authentication}'s name. JDBC and the model call make the routes blocking. Message text is
 * never logged: lengths and ids only.
 */
@Controller("/api/chat")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "chat")
public class ChatController {

    private static final Logger LOG = LoggerFactory.getLogger(ChatController.class);

    private final AskQuestion askQuestion;
    private final ListConversations listConversations;
    private final ReadConversation readConversation;
    private final DeleteConversation deleteConversation;
    private final AnsweringStatus answeringStatus;
    private final Clock clock;

    ChatController(AskQuestion askQuestion, ListConversations listConversations, ReadConversation readConversation,
                   DeleteConversation deleteConversation, AnsweringStatus answeringStatus, Clock clock) {
        this.askQuestion = askQuestion;
        this.listConversations = listConversations;
        this.readConversation = readConversation;
        this.deleteConversation = deleteConversation;
        this.answeringStatus = answeringStatus;
        this.clock = clock;
    }

    @Post("/message")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(operationId = "askQuestion", summary = "Ask a question, in a new conversation or a given one")
    @ApiResponse(responseCode = "503", description = "`answer_unavailable`: the answering model failed or timed out; "
            + "the question was kept",
            headers = @Header(name = "Retry-After", schema = @Schema(type = "integer", minimum = "1")),
            content = @Content(mediaType = Problems.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @Credentials.Any
    @Problems.BadRequest
    @Problems.NotFound
    @Problems.RateLimited
    @Problems.CrossSite
    @Problems.UnsupportedMediaType
    MessageResponse message(Authentication authentication, @Body MessageRequest body) {
        // limited per user (LimitedRoutes) before the question is stored or anything is retrieved
        UserId asker = caller(authentication);
        AskQuestion.Answered answered = askQuestion.ask(body.toCommand(asker));
        LOG.info("chat answer: conversation={} question_chars={} answer_chars={} sources={}", answered.conversation(),
                answered.question().content().length(), answered.answer().content().length(), answered.answer().sources().size());
        return MessageResponse.from(answered);
    }

    @Get("/conversations{?limit,before}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(operationId = "listConversations", summary = "The caller's conversations, newest first")
    @Credentials.Any
    @Problems.BadRequest
    ConversationsResponse conversations(Authentication authentication,
                                        @QueryValue @Nullable @Min(1) @Max(ListConversations.MAX_LIMIT) Integer limit,
                                        @QueryValue @Nullable UUID before) {
        return ConversationsResponse.from(listConversations.list(new ListConversations.Query(caller(authentication),
                limit == null ? ListConversations.DEFAULT_LIMIT : limit, before == null ? null : new ConversationId(before))));
    }

    @Get("/conversations/{id}/messages{?limit,before}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(operationId = "readConversation", summary = "A conversation's messages, oldest first")
    @Credentials.Any
    @Problems.BadRequest
    @Problems.NotFound
    MessagesResponse messages(Authentication authentication, String id,
                              @QueryValue @Nullable @Min(1) @Max(ReadConversation.MAX_LIMIT) Integer limit,
                              @QueryValue @Nullable UUID before) {
        ConversationId conversation = conversationId(id);
        return MessagesResponse.from(conversation, readConversation.read(new ReadConversation.Query(caller(authentication),
                conversation, limit == null ? ReadConversation.DEFAULT_LIMIT : limit, before == null ? null : new MessageId(before))));
    }

    @Delete("/conversations/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(operationId = "deleteConversation", summary = "Delete one of the caller's conversations")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @Credentials.Any
    @Problems.NotFound
    @Problems.CrossSite
    HttpResponse<Void> delete(Authentication authentication, String id) {
        deleteConversation.delete(caller(authentication), conversationId(id));
        return HttpResponse.noContent();
    }

    /** Public: the front end asks before it shows the chat box. */
    @Get("/status")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(operationId = "chatStatus", summary = "Whether questions can be answered right now")
    StatusResponse status() {
        return StatusResponse.of(answeringStatus.availability(), clock.instant());
    }

    private static UserId caller(Authentication authentication) {
        return new UserId(UUID.fromString(authentication.getName()));
    }

    /** A malformed id names no conversation: 404, like someone else's. */
    private static ConversationId conversationId(String id) {
        try {
            return new ConversationId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new ChatException(Reason.CONVERSATION_NOT_FOUND, "No such conversation.");
        }
    }
}
