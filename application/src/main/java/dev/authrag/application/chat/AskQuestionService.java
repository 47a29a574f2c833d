package dev.authrag.application.chat;

import dev.authrag.domain.chat.Answer;
import dev.authrag.domain.chat.ChatException;
import dev.authrag.domain.chat.ChatException.Reason;
import dev.authrag.domain.chat.ChatMessage;
import dev.authrag.domain.chat.Conversation;
import dev.authrag.domain.chat.ConversationId;
import dev.authrag.domain.chat.Passage;
import dev.authrag.domain.chat.Question;
import dev.authrag.domain.chat.RetrievalPolicy;
import dev.authrag.domain.chat.TokenBudget;
import dev.authrag.domain.user.UserId;

import java.time.Clock;
import java.util.List;

/**
 * Stores the question, retrieves passages for it, asks the language model with this conversation's recent turns
 * (never another's) and stores the answer. No transaction spans the model call: the question is stored first, so it
 * is kept when the model fails, and no database connection waits on the model.
 */
public final class AskQuestionService implements AskQuestion {

    /** The system prompt: answer from the passages, cite them, admit ignorance. */
    public static final String INSTRUCTIONS = """
            You are the documentation assistant of this site. Answer the user's question using only the numbered \
            documentation passages provided. Cite the passages you use by their number, like [1]. If the passages do \
            not contain the answer, say that you could not find it in the documentation instead of guessing. Be concise.""";
    /** How many of the latest messages are read to fill the history budget; more would never fit a sane budget. */
    static final int HISTORY_WINDOW = 50;

    private final Conversations conversations;
    private final KnowledgeBase knowledgeBase;
    private final LanguageModel model;
    private final RetrievalPolicy retrieval;
    private final TokenBudget historyBudget;
    private final Clock clock;

    public AskQuestionService(Conversations conversations, KnowledgeBase knowledgeBase, LanguageModel model,
                              RetrievalPolicy retrieval, TokenBudget historyBudget, Clock clock) {
        this.conversations = conversations;
        this.knowledgeBase = knowledgeBase;
        this.model = model;
        this.retrieval = retrieval;
        this.historyBudget = historyBudget;
        this.clock = clock;
    }

    @Override
    public Answered ask(Command command) {
        Question question = new Question(command.message());
        ConversationId conversationId;
        List<ChatMessage> history;
        ChatMessage asked;
        if (command.conversation() == null) {
            Conversation conversation = Conversation.start(command.asker(), question, clock.instant());
            conversationId = conversation.id();
            history = List.of();
            asked = ChatMessage.asked(conversationId, question, clock.instant());
            conversations.start(conversation, asked);
        } else {
            conversationId = ownConversation(command.asker(), command.conversation()).id();
            history = historyBudget.recentTurns(conversations.newestMessages(conversationId, null, HISTORY_WINDOW));
            asked = ChatMessage.asked(conversationId, question, clock.instant());
            appendOrNotFound(asked);
        }
        List<Passage> passages = knowledgeBase.search(question.text(), retrieval);
        Answer answer = model.answer(new LanguageModel.Prompt(INSTRUCTIONS, question, passages, history));
        ChatMessage answered = ChatMessage.answered(conversationId, answer, clock.instant());
        appendOrNotFound(answered);
        return new Answered(conversationId, asked, answered);
    }

    private Conversation ownConversation(UserId asker, ConversationId id) {
        return conversations.find(id)
                .filter(conversation -> conversation.isOwnedBy(asker))
                .orElseThrow(OwnConversationsService::notFound);
    }

    private void appendOrNotFound(ChatMessage message) {
        if (!conversations.append(message)) {
            throw new ChatException(Reason.CONVERSATION_NOT_FOUND, OwnConversationsService.NOT_FOUND);
        }
    }
}
