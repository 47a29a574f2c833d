package dev.authrag.application.auth;

import dev.authrag.application.audit.InMemoryAuditTrail;
import dev.authrag.domain.audit.SecurityEvent;
import dev.authrag.domain.audit.SecurityEvent.Type;
import dev.authrag.domain.auth.AuthException;
import dev.authrag.domain.auth.AuthException.Reason;
import dev.authrag.domain.session.ClientInfo;
import dev.authrag.domain.user.Email;
import dev.authrag.domain.user.Password;
import dev.authrag.domain.user.PasswordPolicy;
import dev.authrag.domain.user.User;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegisterUserServiceTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final String PASSWORD = "correct horse battery staple";

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryUsers users = new InMemoryUsers();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final PasswordPolicy policy = new PasswordPolicy(8, 128, Set.of("password1", "qwertyuiop")::contains);
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final RegisterUser register = new RegisterUserService(users, hasher, policy, clock, audit);

    @Test
    void register_withValidInput_storesTheAccountUnderItsNormalisedEmail() {
        User user = register.register(new RegisterUser.Command("  Alice@Example.COM ", PASSWORD, "  Alice  "));

        assertThat(user.email().value()).isEqualTo("alice@example.com");
        assertThat(user.name()).contains("Alice");
        assertThat(user.createdAt()).isEqualTo(T0);
        assertThat(user.updatedAt()).isEqualTo(T0);
        assertThat(users.findByEmail(Email.of("alice@example.com"))).get()
                .usingRecursiveComparison().isEqualTo(user);
    }

    @Test
    void register_storesAHashThatVerifiesAndNeverThePassword() {
        User user = register.register(new RegisterUser.Command("alice@example.com", PASSWORD, null));

        assertThat(user.passwordHash().phc()).doesNotContain(PASSWORD);
        assertThat(hasher.verify(Password.of(PASSWORD), user.passwordHash())).isTrue();
    }

    @Test
    void register_withABlankName_storesNoName() {
        User user = register.register(new RegisterUser.Command("alice@example.com", PASSWORD, "   "));

        assertThat(user.name()).isEmpty();
    }

    @Test
    void register_withTheSameEmailInOtherLetterCase_isRejectedAsEmailTaken() {
        User first = register.register(new RegisterUser.Command("alice@example.com", PASSWORD, "Alice"));

        assertRefused(() -> register.register(new RegisterUser.Command("ALICE@Example.com", "another good password", "Eve")),
                Reason.EMAIL_TAKEN)
                .hasMessage("Email already in use");
        assertThat(users.size()).isEqualTo(1);
        assertThat(users.findByEmail(Email.of("alice@example.com"))).get()
                .extracting(User::id).isEqualTo(first.id());
    }

    @Test
    void register_withAMalformedEmail_isRejectedAsInvalidEmailBeforeAnyHashing() {
        assertRefused(() -> register.register(new RegisterUser.Command("alice.example.com", PASSWORD, null)),
                Reason.INVALID_EMAIL);
        assertThat(hasher.hashCalls()).isZero();
        assertThat(users.size()).isZero();
    }

    @Test
    void register_withoutAnEmail_isRejectedAsInvalidEmail() {
        assertRefused(() -> register.register(new RegisterUser.Command(null, PASSWORD, null)), Reason.INVALID_EMAIL);
    }

    @Test
    void register_withAWeakPassword_isRejectedWithEveryReason() {
        AuthException refused = catchAuth(() -> register.register(new RegisterUser.Command("alice@example.com", "Alice!", null)));

        assertThat(refused.reason()).isEqualTo(Reason.WEAK_PASSWORD);
        assertThat(refused.details()).containsExactlyInAnyOrder("too_short", "contains_email");
        assertThat(hasher.hashCalls()).isZero();
        assertThat(users.size()).isZero();
    }

    @Test
    void register_withACommonPassword_isRejectedAsCommon() {
        AuthException refused = catchAuth(() -> register.register(new RegisterUser.Command("bob@example.com", "QwertyUIOP", null)));

        assertThat(refused.reason()).isEqualTo(Reason.WEAK_PASSWORD);
        assertThat(refused.details()).containsExactly("common");
    }

    @Test
    void register_withoutAPassword_isRejectedAsWeakPassword() {
        AuthException refused = catchAuth(() -> register.register(new RegisterUser.Command("alice@example.com", null, null)));

        assertThat(refused.reason()).isEqualTo(Reason.WEAK_PASSWORD);
        assertThat(refused.details()).containsExactly("too_short");
        assertThat(users.size()).isZero();
    }

    @Test
    void register_withANameOver100Characters_isRejectedAsInvalidName() {
        assertRefused(() -> register.register(new RegisterUser.Command("alice@example.com", PASSWORD, "x".repeat(101))),
                Reason.INVALID_NAME);
        assertThat(users.size()).isZero();
    }

    @Test
    void register_recordsASuccessForTheNewAccountWithTheClient() {
        ClientInfo client = new ClientInfo("203.0.113.7", "curl/8.5.0");

        User user = register.register(new RegisterUser.Command("alice@example.com", PASSWORD, null, client));

        SecurityEvent event = audit.single();
        assertThat(event.type()).isEqualTo(Type.REGISTRATION_SUCCESS);
        assertThat(event.userId()).isEqualTo(user.id());
        assertThat(event.occurredAt()).isEqualTo(T0);
        assertThat(event.client()).isEqualTo(client);
        assertThat(event.reason()).isNull();
    }

    @Test
    void register_whenRefused_recordsAFailureWithTheReasonAndNoAccount() {
        register.register(new RegisterUser.Command("alice@example.com", PASSWORD, "Alice"));
        List<RegisterUser.Command> refused = List.of(
                new RegisterUser.Command("alice@example.com", "another good password", null),
                new RegisterUser.Command("alice.example.com", PASSWORD, null),
                new RegisterUser.Command("bob@example.com", "short", null),
                new RegisterUser.Command("bob@example.com", null, null),
                new RegisterUser.Command("bob@example.com", PASSWORD, "x".repeat(101)));

        for (RegisterUser.Command command : refused) {
            catchAuth(() -> register.register(command));
        }

        assertThat(audit.ofType(Type.REGISTRATION_FAILED)).extracting(SecurityEvent::reason)
                .containsExactly("email_taken", "invalid_email", "weak_password", "weak_password", "invalid_name");
        assertThat(audit.ofType(Type.REGISTRATION_FAILED)).allSatisfy(event -> {
            assertThat(event.userId()).as("the registrant is not the account's owner").isNull();
            assertThat(event.outcome()).isEqualTo(SecurityEvent.Outcome.FAILURE);
        });
    }

    @Test
    void aCommand_neverPrintsThePassword() {
        assertThat(new RegisterUser.Command("alice@example.com", PASSWORD, "Alice").toString())
                .contains("alice@example.com")
                .doesNotContain(PASSWORD);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Executable call, Reason reason) {
        return assertThatThrownBy(call::execute)
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static AuthException catchAuth(Executable call) {
        try {
            call.execute();
        } catch (AuthException e) {
            return e;
        } catch (Throwable other) {
            throw new AssertionError("expected an AuthException", other);
        }
        throw new AssertionError("expected an AuthException");
    }
}
