package dev.authrag.application.chat;

import dev.authrag.application.auth.MutableClock;
import dev.authrag.domain.chat.ChatException;
import dev.authrag.domain.chat.ChatException.Reason;
import dev.authrag.domain.chat.ChatMessage;
import dev.authrag.domain.chat.ChunkingPolicy;
import dev.authrag.domain.chat.ConversationId;
import dev.authrag.domain.chat.Document;
import dev.authrag.domain.chat.Passage;
import dev.authrag.domain.chat.RetrievalPolicy;
import dev.authrag.domain.chat.Role;
import dev.authrag.domain.chat.TokenBudget;
import dev.authrag.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AskQuestionServiceTest {

    private static final String BASE = "https://docs.example.com";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final InMemoryConversations conversations = new InMemoryConversations();
    private final InMemoryKnowledgeBase knowledgeBase = new InMemoryKnowledgeBase();
    private final RecordingLanguageModel model = new RecordingLanguageModel();
    private final AskQuestion ask = new AskQuestionService(conversations, knowledgeBase, model,
            new RetrievalPolicy(5, 0), new TokenBudget(1000), clock);
    private final UserId ada = UserId.random();
    private final UserId bob = UserId.random();

    @BeforeEach
    void documentation() {
        store("docs/tokens.md", "# Tokens\n\nAccess tokens expire after fifteen minutes.\n");
        store("docs/database.md", "# Database\n\nThe database URL comes from DATABASE_URL.\n");
    }

    @Test
    void aFirstQuestion_startsAConversation_andStoresQuestionAndAnswerWithSources() {
        AskQuestion.Answered answered = ask.ask(new AskQuestion.Command(ada, null, "When do access tokens expire?"));

        assertThat(answered.answer().content()).isEqualTo("A generated answer.");
        assertThat(answered.answer().sources()).containsExactly(BASE + "/docs/tokens");
        assertThat(answered.question().role()).isEqualTo(Role.USER);
        assertThat(conversations.find(answered.conversation())).get().satisfies(conversation -> {
            assertThat(conversation.isOwnedBy(ada)).isTrue();
            assertThat(conversation.title()).isEqualTo("When do access tokens expire?");
        });
        assertThat(conversations.newestMessages(answered.conversation(), null, 10))
                .containsExactly(answered.answer(), answered.question());
        assertThat(model.lastPrompt().history()).isEmpty();
        assertThat(model.lastPrompt().passages()).extracting(Passage::url).first().isEqualTo(BASE + "/docs/tokens");
        assertThat(model.lastPrompt().instructions()).isEqualTo(AskQuestionService.INSTRUCTIONS);
    }

    @Test
    void aFollowUp_sendsThisConversationsEarlierTurns_andNoOneElses() {
        AskQuestion.Answered first = ask.ask(new AskQuestion.Command(ada, null, "When do access tokens expire?"));
        ask.ask(new AskQuestion.Command(bob, null, "Bob's private question about the database"));
        clock.advance(Duration.ofSeconds(5));

        ask.ask(new AskQuestion.Command(ada, first.conversation(), "And where is the database URL set?"));

        assertThat(model.lastPrompt().history()).extracting(ChatMessage::content)
                .containsExactly("When do access tokens expire?", "A generated answer.");
        assertThat(model.lastPrompt().history()).allSatisfy(message ->
                assertThat(message.conversationId()).isEqualTo(first.conversation()));
        assertThat(model.lastPrompt().question().text()).isEqualTo("And where is the database URL set?");
    }

    @Test
    void theHistory_staysWithinTheTokenBudget() {
        AskQuestion tightBudget = new AskQuestionService(conversations, knowledgeBase, model, new RetrievalPolicy(5, 0),
                new TokenBudget(20), clock);
        model.reply("x".repeat(60)); // 15 tokens
        AskQuestion.Answered first = tightBudget.ask(new AskQuestion.Command(ada, null, "q".repeat(40)));
        tightBudget.ask(new AskQuestion.Command(ada, first.conversation(), "second question"));

        tightBudget.ask(new AskQuestion.Command(ada, first.conversation(), "third question"));

        // the second turn (4 + 15 tokens) fits 20; the first would not
        assertThat(model.lastPrompt().history()).extracting(ChatMessage::content).containsExactly("second question", "x".repeat(60));
    }

    @Test
    void someoneElsesConversation_isNotFound_andNothingIsStoredOrAsked() {
        AskQuestion.Answered adas = ask.ask(new AskQuestion.Command(ada, null, "When do access tokens expire?"));
        int promptsBefore = model.prompts().size();

        assertThatThrownBy(() -> ask.ask(new AskQuestion.Command(bob, adas.conversation(), "Let me in")))
                .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONVERSATION_NOT_FOUND));
        assertThatThrownBy(() -> ask.ask(new AskQuestion.Command(bob, ConversationId.random(), "Anyone?")))
                .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONVERSATION_NOT_FOUND));

        assertThat(conversations.newestMessages(adas.conversation(), null, 10)).hasSize(2);
        assertThat(model.prompts()).hasSize(promptsBefore);
    }

    @Test
    void whenTheModelFails_theQuestionIsKept_andTheFailurePassesOn() {
        model.failing(true);

        assertThatThrownBy(() -> ask.ask(new AskQuestion.Command(ada, null, "When do access tokens expire?")))
                .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ANSWER_UNAVAILABLE));

        ConversationId started = conversations.newestFirst(ada, null, 1).get(0).id();
        assertThat(conversations.newestMessages(started, null, 10)).extracting(ChatMessage::content)
                .containsExactly("When do access tokens expire?");
    }

    @Test
    void anInvalidMessage_isRefusedBeforeAnythingIsStored() {
        assertThatThrownBy(() -> ask.ask(new AskQuestion.Command(ada, null, "  ")))
                .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_MESSAGE));

        assertThat(conversations.newestFirst(ada, null, 10)).isEmpty();
        assertThat(model.prompts()).isEmpty();
    }

    private void store(String path, String markdown) {
        Document document = Document.parse(path, markdown, BASE);
        knowledgeBase.replace(document, document.chunks(ChunkingPolicy.standard()));
    }
}
