package dev.authrag.bootstrap.chat;

import dev.authrag.adapter.web.llm.chat.OpenAiChatModel;
import dev.authrag.application.chat.AnsweringStatus;
import dev.authrag.application.chat.AskQuestion;
import dev.authrag.application.chat.AskQuestionService;
import dev.authrag.application.chat.Conversations;
import dev.authrag.application.chat.DeleteConversation;
import dev.authrag.application.chat.ExtractiveAnswers;
import dev.authrag.application.chat.IngestDocuments;
import dev.authrag.application.chat.IngestDocumentsService;
import dev.authrag.application.chat.KnowledgeBase;
import dev.authrag.application.chat.LanguageModel;
import dev.authrag.application.chat.ListConversations;
import dev.authrag.application.chat.OwnConversationsService;
import dev.authrag.application.chat.ReadConversation;
import dev.authrag.application.chat.WatchedLanguageModel;
import dev.authrag.bootstrap.settings.Setting;
import dev.authrag.domain.chat.ChunkingPolicy;
import dev.authrag.domain.chat.RetrievalPolicy;
import dev.authrag.domain.chat.TokenBudget;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Locale;

/**
 * Wires the chat slice: the use cases to the PostgreSQL adapters and to the language model (an OpenAI-compatible
 * endpoint when {@code LLM_BASE_URL} is set, extractive answers otherwise), and turns settings into policies.
 * Nothing here touches the auth wiring; chat only reads the caller's user id.
 */
@Factory
class ChatFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ChatFactory.class);
    /** The largest INGEST_MAX_FILE_SIZE: a file is held whole in memory while it is parsed. */
    private static final long MAX_INGEST_FILE_BYTES = 64L << 20;

    @Singleton
    RetrievalPolicy retrievalPolicy(ChatSettings settings) {
        return new RetrievalPolicy(Setting.integer("RAG_TOP_K", settings.topK(), 1, RetrievalPolicy.MAX_TOP_K),
                score(settings.minScore()));
    }

    /** The model behind the status route; typed so that nothing else can reach the unwatched one. */
    @Singleton
    @Bean(typed = {WatchedLanguageModel.class, AnsweringStatus.class})
    WatchedLanguageModel languageModel(ChatSettings settings, JsonMapper json, Clock clock) {
        return new WatchedLanguageModel(model(settings, json), clock);
    }

    @Singleton
    AskQuestion askQuestion(Conversations conversations, KnowledgeBase knowledgeBase, WatchedLanguageModel model,
                            RetrievalPolicy retrieval, ChatSettings settings, Clock clock) {
        TokenBudget history = new TokenBudget(Setting.integer("CHAT_HISTORY_TOKENS", settings.historyTokens(), 1, 1_000_000));
        return new AskQuestionService(conversations, knowledgeBase, model, retrieval, history, clock);
    }

    @Singleton
    @Bean(typed = {ListConversations.class, ReadConversation.class, DeleteConversation.class})
    OwnConversationsService ownConversations(Conversations conversations) {
        return new OwnConversationsService(conversations);
    }

    @Singleton
    IngestDocuments ingestDocuments(KnowledgeBase knowledgeBase, ChatSettings settings, Clock clock) {
        return new IngestDocumentsService(knowledgeBase, ChunkingPolicy.standard(), clock,
                Setting.bytes("INGEST_MAX_FILE_SIZE", settings.ingestMaxFileSize(), 1, MAX_INGEST_FILE_BYTES));
    }

    private static LanguageModel model(ChatSettings settings, JsonMapper json) {
        if (blank(settings.llmBaseUrl())) {
            if (!blank(settings.llmModel()) || !blank(settings.llmApiKey())) {
                throw new Setting.InvalidSettingException("LLM_BASE_URL is required when LLM_MODEL or LLM_API_KEY is set "
                        + "(for OpenAI: https://api.openai.com/v1)");
            }
            LOG.info("chat answers are extractive: no LLM_BASE_URL is set");
            return new ExtractiveAnswers();
        }
        URI baseUrl = baseUrl(settings.llmBaseUrl());
        if (blank(settings.llmModel())) {
            throw new Setting.InvalidSettingException("LLM_MODEL is required when LLM_BASE_URL is set (e.g. gpt-4o-mini, llama3.1)");
        }
        LOG.info("chat answers come from model {} at {}", settings.llmModel().strip(), baseUrl.getHost());
        return new OpenAiChatModel(baseUrl, settings.llmApiKey(), settings.llmModel().strip(),
                Setting.duration("LLM_TIMEOUT", settings.llmTimeout()), json);
    }

    private static URI baseUrl(String value) {
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getRawQuery() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new Setting.InvalidSettingException("LLM_BASE_URL must be an http(s) URL such as https://api.openai.com/v1; got '"
                + value + "'");
    }

    private static double score(String value) {
        try {
            double parsed = Double.parseDouble(value == null ? "" : value.strip());
            if (parsed >= 0 && parsed <= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Setting.InvalidSettingException("RAG_MIN_SCORE must be a number between 0 and 1; got '" + value + "'");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
