package dev.authrag.domain.chat;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenBudgetTest {

    private static final ConversationId CONVERSATION = ConversationId.random();
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    void tokens_areCharactersDividedByFourRoundedUp() {
        assertThat(TokenBudget.tokensIn("")).isZero();
        assertThat(TokenBudget.tokensIn("abc")).isEqualTo(1);
        assertThat(TokenBudget.tokensIn("abcd")).isEqualTo(1);
        assertThat(TokenBudget.tokensIn("abcde")).isEqualTo(2);
        assertThat(new TokenBudget(500).chars()).isEqualTo(2000);
    }

    @Test
    void aBudget_mustBePositive() {
        assertThatThrownBy(() -> new TokenBudget(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recentTurns_keepsTheNewestThatFit_oldestFirst() {
        // u0 a0 u1 a1 u2 a2, ten tokens each: four fit in 45
        List<String> kept = labels(new TokenBudget(45).recentTurns(newestFirst(6)));

        assertThat(kept).containsExactly("u1", "a1", "u2", "a2");
    }

    @Test
    void recentTurns_dropsAnAnswerWhoseQuestionDidNotFit() {
        // a2, u2 and a1 fit in 35, but a1 without u1 would be an answer to nothing
        assertThat(labels(new TokenBudget(35).recentTurns(newestFirst(6)))).containsExactly("u2", "a2");
    }

    @Test
    void recentTurns_ofNothingOrTooLittleBudget_isEmpty() {
        assertThat(new TokenBudget(10).recentTurns(List.of())).isEmpty();
        assertThat(new TokenBudget(5).recentTurns(newestFirst(2))).isEmpty();
    }

    /** u0 a0 u1 a1 ... of forty characters (ten tokens) each, newest first. */
    private static List<ChatMessage> newestFirst(int count) {
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Role role = i % 2 == 0 ? Role.USER : Role.ASSISTANT;
            String label = (role == Role.USER ? "u" : "a") + (i / 2);
            messages.add(0, new ChatMessage(MessageId.random(), CONVERSATION, role, label + " ".repeat(40 - label.length()),
                    List.of(), T0.plusSeconds(i)));
        }
        return messages;
    }

    private static List<String> labels(List<ChatMessage> messages) {
        return messages.stream().map(message -> message.content().strip()).toList();
    }
}
