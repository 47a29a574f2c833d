package dev.authrag.application.auth;

import dev.authrag.domain.auth.AuthException;
import dev.authrag.domain.auth.AuthException.Reason;
import dev.authrag.domain.user.Email;
import dev.authrag.domain.user.Password;
import dev.authrag.domain.user.PasswordPolicy;
import dev.authrag.domain.user.User;
import dev.authrag.domain.user.UserId;

import java.time.Clock;

/** Validates, hashes and stores a new account. The hash is computed before any database work. */
public final class RegisterUserService implements RegisterUser {

    private final Users users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final Clock clock;

    public RegisterUserService(Users users, PasswordHasher hasher, PasswordPolicy policy, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public User register(Command command) {
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
