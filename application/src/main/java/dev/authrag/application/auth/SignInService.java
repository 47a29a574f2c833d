package dev.authrag.application.auth;

import dev.authrag.domain.auth.AuthException;
import dev.authrag.domain.auth.AuthException.Reason;
import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.SessionPolicy;
import dev.authrag.domain.session.SessionToken;
import dev.authrag.domain.user.Email;
import dev.authrag.domain.user.Password;
import dev.authrag.domain.user.PasswordHash;
import dev.authrag.domain.user.User;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks credentials and opens a session. An unknown or malformed email is verified against a dummy hash,
 * so the answer and its timing are the same as for a wrong password.
 */
public final class SignInService implements SignIn {

    private static final String INVALID = "Invalid email or password";

    private final Users users;
    private final Sessions sessions;
    private final PasswordHasher hasher;
    private final SessionPolicy sessionPolicy;
    private final Clock clock;
    private final SecureRandom random;
    private final PasswordHash dummyHash;

    public SignInService(Users users, Sessions sessions, PasswordHasher hasher, SessionPolicy sessionPolicy,
                         Clock clock, SecureRandom random) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.sessionPolicy = sessionPolicy;
        this.clock = clock;
        this.random = random;
        this.dummyHash = hasher.hash(Password.of(SessionToken.generate(random).reveal()));
    }

    @Override
    public SignedIn signIn(Command command) {
        Password password = Password.of(command.password() == null ? "" : command.password());
        Optional<User> found = parseEmail(command.email()).flatMap(users::findByEmail);
        boolean matches = hasher.verify(password, found.map(User::passwordHash).orElse(dummyHash));
        if (found.isEmpty() || !matches) {
            throw new AuthException(Reason.INVALID_CREDENTIALS, INVALID);
        }
        User user = found.get();
        Instant now = clock.instant();
        if (hasher.needsRehash(user.passwordHash())) {
            user = user.withPasswordHash(hasher.hash(password), now);
            users.updatePasswordHash(user);
        }
        SessionToken token = SessionToken.generate(random);
        Session session = Session.start(SessionId.random(), user.id(), token.hash(), command.client(), now, sessionPolicy);
        sessions.add(session);
        return new SignedIn(user, session, token);
    }

    private static Optional<Email> parseEmail(String raw) {
        try {
            return Optional.of(Email.of(raw));
        } catch (AuthException malformed) {
            return Optional.empty();
        }
    }
}
