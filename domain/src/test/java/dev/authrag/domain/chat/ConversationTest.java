package dev.authrag.domain.chat;

import dev.authrag.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    void start_isOwnedByItsUserOnly_andTitledByTheFirstQuestion() {
        UserId ada = UserId.random();
        Conversation conversation = Conversation.start(ada, new Question("What is a session token?"), NOW);

        assertThat(conversation.isOwnedBy(ada)).isTrue();
        assertThat(conversation.isOwnedBy(UserId.random())).isFalse();
        assertThat(conversation.title()).isEqualTo("What is a session token?");
        assertThat(conversation.createdAt()).isEqualTo(NOW);
    }

    @Test
    void aLongFirstQuestion_givesATitleOfAtMostEightyCharacters() {
        Conversation conversation = Conversation.start(UserId.random(), new Question("word ".repeat(100)), NOW);

        assertThat(conversation.title().length()).isLessThanOrEqualTo(Conversation.TITLE_LENGTH);
    }

    @Test
    void toString_showsNoTitle() {
        assertThat(Conversation.start(UserId.random(), new Question("private matter"), NOW).toString()).doesNotContain("private");
    }
}
