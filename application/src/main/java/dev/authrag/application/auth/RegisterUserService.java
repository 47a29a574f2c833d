package dev.authrag.application.auth;

import dev.authrag.application.audit.AuditTrail;
import dev.authrag.domain.audit.SecurityEvent;
import dev.authrag.domain.audit.SecurityEvent.Type;
import dev.authrag.domain.auth.AuthException;
import dev.authrag.domain.auth.AuthException.Reason;
import dev.authrag.domain.user.Email;
import dev.authrag.domain.user.Password;
import dev.authrag.domain.user.PasswordPolicy;
import dev.authrag.domain.user.User;
import dev.authrag.domain.user.UserId;

import java.time.Clock;
import java.util.Locale;

/**
 * Validates, hashes and stores a new account. The hash is computed before any database work. Every attempt goes to
 * the audit trail: a refusal with its reason ({@code email_taken}, {@code invalid_email}, {@code weak_password},
 * {@code invalid_name}).
 */
public final class RegisterUserService implements RegisterUser {

    private final Users users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final Clock clock;
    private final AuditTrail audit;

    public RegisterUserService(Users users, PasswordHasher hasher, PasswordPolicy policy, Clock clock, AuditTrail audit) {
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public User register(Command command) {
        User user;
        try {
            user = create(command);
        } catch (AuthException refused) {
            audit.record(SecurityEvent.of(Type.REGISTRATION_FAILED, clock.instant(), command.client(),
                    refused.reason().name().toLowerCase(Locale.ROOT)));
            throw refused;
        }
        audit.record(SecurityEvent.of(Type.REGISTRATION_SUCCESS, user.createdAt(), command.client()).withUser(user.id()));
        return user;
    }

    private User create(Command command) {
        Email email = Email.of(command.email());
        String name = User.normaliseName(command.name());
        if (command.password() == null) {
            throw new AuthException(Reason.WEAK_PASSWORD, "A password is required", java.util.List.of("too_short"));
        }
        Password password = Password.of(command.password());
        policy.check(password, email);
        User user = User.register(UserId.random(), email, name, hasher.hash(password), clock.instant());
        if (!users.add(user)) {
            throw new AuthException(Reason.EMAIL_TAKEN, "Email already in use");
        }
        return user;
    }
}
