package dev.authrag.bootstrap.chat;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The raw chat settings from application.yml ({@code LLM_BASE_URL}, {@code LLM_API_KEY}, {@code LLM_MODEL},
 * {@code LLM_TIMEOUT}, {@code RAG_TOP_K}, {@code RAG_MIN_SCORE}, {@code CHAT_HISTORY_TOKENS}, {@code INGEST_MAX_FILE_SIZE}, see docs/configuration.md);
 * {@link ChatFactory} turns them into policies and the language model, and reports a bad value by its variable's name.
 */
@ConfigurationProperties("authrag.chat")
public record ChatSettings(@Nullable String llmBaseUrl,
                           @Nullable String llmApiKey,
                           @Nullable String llmModel,
                           String llmTimeout,
                           String topK,
                           String minScore,
                           String historyTokens,
                           String ingestMaxFileSize) {

    @Override
    public String toString() {
        return "ChatSettings[llmBaseUrl=" + llmBaseUrl + ", llmModel=" + llmModel + "]";
    }
}
