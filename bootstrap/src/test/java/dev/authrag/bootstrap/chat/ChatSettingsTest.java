package dev.authrag.bootstrap.chat;

import dev.authrag.application.chat.AnsweringStatus;
import dev.authrag.bootstrap.settings.Setting.InvalidSettingException;
import dev.authrag.domain.chat.RetrievalPolicy;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chat variables become policies and a language model, and a bad one stops start-up by name. */
class ChatSettingsTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    private final ChatFactory factory = new ChatFactory();

    @Test
    void theDefaults_giveFivePassagesOfAnyScore_andExtractiveAnswers() {
        ChatSettings defaults = settings(null, null, null, "30s", "5", "0");

        assertThat(factory.retrievalPolicy(defaults)).isEqualTo(new RetrievalPolicy(5, 0));
        assertThat(factory.languageModel(defaults, JSON, Clock.systemUTC()).availability())
                .isEqualTo(AnsweringStatus.Availability.AVAILABLE);
    }

    @Test
    void aBadValue_isRejectedNamingItsVariable() {
        assertBad(settings(null, null, null, "30s", "0", "0"), "RAG_TOP_K");
        assertBad(settings(null, null, null, "30s", "five", "0"), "RAG_TOP_K");
        assertBad(settings(null, null, null, "30s", "5", "1.5"), "RAG_MIN_SCORE");
        assertBad(settings(null, null, null, "30s", "5", "high"), "RAG_MIN_SCORE");
    }

    @Test
    void theModelSettings_mustBeCompleteAndWellFormed() {
        assertModelBad(settings("https://api.openai.com/v1", null, null, "30s", "5", "0"), "LLM_MODEL");
        assertModelBad(settings(null, "sk-x", null, "30s", "5", "0"), "LLM_BASE_URL");
        assertModelBad(settings(null, null, "gpt-4o-mini", "30s", "5", "0"), "LLM_BASE_URL");
        assertModelBad(settings("api.openai.com", null, "m", "30s", "5", "0"), "LLM_BASE_URL");
        assertModelBad(settings("https://api.openai.com/v1", "sk-x", "m", "soon", "5", "0"), "LLM_TIMEOUT");
        assertThat(factory.languageModel(settings("http://localhost:11434/v1", null, "llama3.1", "1m", "5", "0"), JSON,
                Clock.systemUTC())).isNotNull();
    }

    @Test
    void theIngestFileSizeCap_takesBinaryUnits_andIsRejectedByNameWhenMalformedOrOutOfRange() {
        for (String bad : new String[]{"5MB", "lots", "0", "65MiB", "-1", ""}) {
            ChatSettings settings = new ChatSettings(null, null, null, "30s", "5", "0", "2000", bad);
            assertThatThrownBy(() -> factory.ingestDocuments(null, settings, Clock.systemUTC()))
                    .as(bad).isInstanceOf(InvalidSettingException.class).hasMessageContaining("INGEST_MAX_FILE_SIZE");
        }
        assertThat(factory.ingestDocuments(null, new ChatSettings(null, null, null, "30s", "5", "0", "2000", "512KiB"),
                Clock.systemUTC())).isNotNull();
    }

    @Test
    void toString_neverShowsTheApiKey() {
        assertThat(settings("https://api.openai.com/v1", "sk-very-secret", "m", "30s", "5", "0").toString())
                .doesNotContain("sk-very-secret");
    }

    private static ChatSettings settings(String baseUrl, String apiKey, String model, String timeout, String topK, String minScore) {
        return new ChatSettings(baseUrl, apiKey, model, timeout, topK, minScore, "2000", "5MiB");
    }

    private void assertBad(ChatSettings settings, String variable) {
        assertThatThrownBy(() -> factory.retrievalPolicy(settings))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining(variable);
    }

    private void assertModelBad(ChatSettings settings, String variable) {
        assertThatThrownBy(() -> factory.languageModel(settings, JSON, Clock.systemUTC()))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining(variable);
    }
}
