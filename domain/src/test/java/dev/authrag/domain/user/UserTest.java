package dev.authrag.domain.user;

import dev.authrag.domain.auth.AuthException;
import dev.authrag.domain.auth.AuthException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final UserId ID = new UserId(UUID.fromString("5f0c7a3e-1b2d-4c5e-8f90-123456789abc"));
    private static final Email EMAIL = Email.of("alice@example.com");
    private static final PasswordHash HASH = new PasswordHash("$fake$one");

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n", "\u2003"})
    void normaliseName_turnsBlankIntoNoName(String blank) {
        assertThat(User.normaliseName(blank)).isNull();
    }

    @Test
    void normaliseName_trimsSurroundingWhitespace() {
        assertThat(User.normaliseName("  Alice Smith \n")).isEqualTo("Alice Smith");
    }

    @Test
    void normaliseName_acceptsOneHundredCharacters() {
        assertThat(User.normaliseName("a".repeat(100))).hasSize(100);
    }

    @Test
    void normaliseName_countsCodePoints() {
        String hundredEmoji = "\uD83D\uDE00".repeat(100);

        assertThat(User.normaliseName(hundredEmoji)).isEqualTo(hundredEmoji);
    }

    @Test
    void normaliseName_rejectsMoreThanOneHundredCharacters() {
        assertThatThrownBy(() -> User.normaliseName("a".repeat(101)))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_NAME));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Al\u0000ice", "Al\nice", "Al\tice", "Al\u001Bice", "Al\u007Fice", "Al\u0085ice"})
    void normaliseName_rejectsControlCharacters(String name) {
        assertThatThrownBy(() -> User.normaliseName(name))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_NAME));
    }

    @Test
    void register_setsBothTimestampsToNowAndNormalisesTheName() {
        User user = User.register(ID, EMAIL, "  Alice ", HASH, T0);

        assertThat(user.id()).isEqualTo(ID);
        assertThat(user.email()).isEqualTo(EMAIL);
        assertThat(user.name()).contains("Alice");
        assertThat(user.passwordHash()).isEqualTo(HASH);
        assertThat(user.createdAt()).isEqualTo(T0);
        assertThat(user.updatedAt()).isEqualTo(T0);
    }

    @Test
    void register_withABlankName_hasNoName() {
        assertThat(User.register(ID, EMAIL, " ", HASH, T0).name()).isEmpty();
    }

    @Test
    void register_withAnInvalidName_isRejected() {
        assertThatThrownBy(() -> User.register(ID, EMAIL, "x".repeat(101), HASH, T0))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_NAME));
    }

    @Test
    void register_withoutAnId_isRejected() {
        assertThatThrownBy(() -> User.register(null, EMAIL, null, HASH, T0)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void withPasswordHash_replacesTheHashAndUpdatedAtOnly() {
        User user = User.register(ID, EMAIL, "Alice", HASH, T0);
        PasswordHash newHash = new PasswordHash("$fake$two");
        Instant later = T0.plusSeconds(3600);

        User changed = user.withPasswordHash(newHash, later);

        assertThat(changed.passwordHash()).isEqualTo(newHash);
        assertThat(changed.updatedAt()).isEqualTo(later);
        assertThat(changed.createdAt()).isEqualTo(T0);
        assertThat(changed.id()).isEqualTo(ID);
        assertThat(changed.email()).isEqualTo(EMAIL);
        assertThat(changed.name()).contains("Alice");
        assertThat(user.passwordHash()).as("the original is unchanged").isEqualTo(HASH);
    }

    @Test
    void restore_keepsEveryFieldAsStored() {
        Instant updated = T0.plusSeconds(60);

        User user = User.restore(ID, EMAIL, "Alice", HASH, T0, updated);

        assertThat(user.name()).contains("Alice");
        assertThat(user.createdAt()).isEqualTo(T0);
        assertThat(user.updatedAt()).isEqualTo(updated);
    }

    @Test
    void ids_rejectNull() {
        assertThatThrownBy(() -> new UserId(null)).isInstanceOf(NullPointerException.class);
        assertThat(UserId.random()).isNotEqualTo(UserId.random());
        assertThat(ID.toString()).isEqualTo("5f0c7a3e-1b2d-4c5e-8f90-123456789abc");
    }
}
