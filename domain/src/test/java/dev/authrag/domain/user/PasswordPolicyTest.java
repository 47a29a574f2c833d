package dev.authrag.domain.user;

import dev.authrag.domain.auth.AuthException;
import dev.authrag.domain.auth.AuthException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

    private static final Email ALICE = Email.of("alice@example.com");
    private static final String KEY = "\uD83D\uDD11";

    private final PasswordPolicy standard = PasswordPolicy.standard();

    @Test
    void standard_allowsEightToOneHundredTwentyEightCharacters() {
        assertThat(standard.minLength()).isEqualTo(8);
        assertThat(standard.maxLength()).isEqualTo(128);
    }

    @Test
    void check_acceptsAPasswordOfTheMinimumLength() {
        assertThatCode(() -> standard.check(Password.of("tr0ub4dr"), ALICE)).doesNotThrowAnyException();
    }

    @Test
    void check_acceptsAPasswordOfTheMaximumLength() {
        assertThatCode(() -> standard.check(Password.of("x".repeat(128)), ALICE)).doesNotThrowAnyException();
    }

    @Test
    void check_withOneCharacterTooFew_reportsTooShort() {
        assertThat(reasons(standard, "tr0ub4d", ALICE)).containsExactly("too_short");
    }

    @Test
    void check_withOneCharacterTooMany_reportsTooLong() {
        assertThat(reasons(standard, "x".repeat(129), ALICE)).containsExactly("too_long");
    }

    @Test
    void check_countsLengthInCodePoints() {
        assertThatCode(() -> standard.check(Password.of(KEY.repeat(8)), ALICE)).doesNotThrowAnyException();
        assertThatCode(() -> standard.check(Password.of(KEY.repeat(128)), ALICE)).doesNotThrowAnyException();
        assertThat(reasons(standard, KEY.repeat(7), ALICE)).containsExactly("too_short");
        assertThat(reasons(standard, KEY.repeat(129), ALICE)).containsExactly("too_long");
    }

    @Test
    void check_countsLengthAfterNormalisation() {
        assertThatCode(() -> standard.check(Password.of("\uFB01\uFB01\uFB01\uFB01"), ALICE)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({
            "alice@example.com, my-alice-password",
            "alice@example.com, MyALICEpassword",
            "alice@example.com, ＡＬＩＣＥ-is-me-123",
            "bob@example.com, bobsecret123",
            "alice.smith@example.com, xxalice.smithxx"
    })
    void check_withTheEmailNameInsideThePassword_reportsContainsEmail(String email, String password) {
        assertThat(reasons(standard, password, Email.of(email))).containsExactly("contains_email");
    }

    @Test
    void check_ignoresAnEmailNameShorterThanThreeCharacters() {
        assertThatCode(() -> standard.check(Password.of("alalalalal"), Email.of("al@example.com")))
                .doesNotThrowAnyException();
    }

    @Test
    void check_ignoresTheEmailDomain() {
        assertThatCode(() -> standard.check(Password.of("example.com-rocks"), ALICE)).doesNotThrowAnyException();
    }

    @Test
    void check_withACommonPassword_reportsCommon() {
        PasswordPolicy policy = new PasswordPolicy(8, 128, Set.of("password1")::contains);

        assertThat(reasons(policy, "password1", ALICE)).containsExactly("common");
    }

    @Test
    void check_asksTheBlocklistAboutTheLowerCasedPassword() {
        AtomicReference<String> asked = new AtomicReference<>();
        PasswordPolicy policy = new PasswordPolicy(8, 128, candidate -> {
            asked.set(candidate);
            return Set.of("password1").contains(candidate);
        });

        assertThat(reasons(policy, "PassWord1", ALICE)).containsExactly("common");
        assertThat(asked).hasValue("password1");
    }

    @Test
    void check_reportsEveryFailedRuleAtOnce() {
        PasswordPolicy policy = new PasswordPolicy(8, 128, Set.of("alice1")::contains);

        AuthException refused = refusal(policy, "Alice1", ALICE);

        assertThat(refused.details()).containsExactlyInAnyOrder("too_short", "common", "contains_email");
        assertThat(refused.getMessage())
                .contains("at least 8 characters")
                .contains("too common")
                .contains("email name");
    }

    @Test
    void check_withACustomMinimum_enforcesIt() {
        PasswordPolicy policy = new PasswordPolicy(12, 64, null);

        AuthException refused = refusal(policy, "x".repeat(11), ALICE);

        assertThat(refused.details()).containsExactly("too_short");
        assertThat(refused.getMessage()).isEqualTo("Use at least 12 characters.");
        assertThatCode(() -> policy.check(Password.of("x".repeat(12)), ALICE)).doesNotThrowAnyException();
        assertThat(reasons(policy, "x".repeat(65), ALICE)).containsExactly("too_long");
    }

    @Test
    void aMissingBlocklist_treatsNothingAsCommon() {
        PasswordPolicy policy = new PasswordPolicy(8, 128, null);

        assertThatCode(() -> policy.check(Password.of("password"), ALICE)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({"7, 128", "8, 129", "20, 10", "0, 0", "-1, 64"})
    void aPolicyOutsideTheSafeRange_isRejected(int min, int max) {
        assertThatThrownBy(() -> new PasswordPolicy(min, max, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPolicyWithEqualMinimumAndMaximum_isAllowed() {
        assertThatCode(() -> new PasswordPolicy(16, 16, null)).doesNotThrowAnyException();
    }

    private static List<String> reasons(PasswordPolicy policy, String password, Email email) {
        return refusal(policy, password, email).details();
    }

    private static AuthException refusal(PasswordPolicy policy, String password, Email email) {
        try {
            policy.check(Password.of(password), email);
        } catch (AuthException e) {
            assertThat(e.reason()).isEqualTo(Reason.WEAK_PASSWORD);
            return e;
        }
        throw new AssertionError("expected the password to be refused");
    }
}
