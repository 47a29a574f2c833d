package dev.authrag.application.auth;

import dev.authrag.domain.auth.AuthException;
import dev.authrag.domain.auth.AuthException.Reason;
import dev.authrag.domain.lockout.AccountLockout;
import dev.authrag.domain.lockout.LockoutPolicy;
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
 * Checks credentials and opens a session. An unknown or malformed email is verified against a dummy hash, and a
 * locked account's password is verified too, so the answer and its timing are the same as for a wrong password.
 * Wrong passwords count towards the account's lockout; the right one clears it, unless the account is locked.
 */
public final class SignInService implements SignIn {

    private static final String INVALID = "Invalid email or password";

    private final Users users;
    private final Sessions sessions;
    private final AccountLockouts lockouts;
    private final PasswordHasher hasher;
    private final SessionPolicy sessionPolicy;
    private final LockoutPolicy lockoutPolicy;
    private final Clock clock;
    private final SecureRandom random;
    private final PasswordHash dummyHash;

    /** Why a sign-in was refused. Callers only ever see INVALID_CREDENTIALS; this tells the cases apart inside. */
    private enum Refusal {
        UNKNOWN_ACCOUNT,
        WRONG_PASSWORD,
        LOCKED
    }

    public SignInService(Users users, Sessions sessions, AccountLockouts lockouts, PasswordHasher hasher,
                         SessionPolicy sessionPolicy, LockoutPolicy lockoutPolicy, Clock clock, SecureRandom random) {
        this.users = users;
        this.sessions = sessions;
        this.lockouts = lockouts;
        this.hasher = hasher;
        this.sessionPolicy = sessionPolicy;
        this.lockoutPolicy = lockoutPolicy;
        this.clock = clock;
        this.random = random;
        this.dummyHash = hasher.hash(Password.of(SessionToken.generate(random).reveal()));
    }

    @Override
    public SignedIn signIn(Command command) {
        Password password = Password.of(command.password() == null ? "" : command.password());
        Optional<User> found = parseEmail(command.email()).flatMap(users::findByEmail);
        // Verified before the lockout is even read, so every refusal costs exactly one verification.
        boolean matches = hasher.verify(password, found.map(User::passwordHash).orElse(dummyHash));
        if (found.isEmpty()) {
            throw refused(Refusal.UNKNOWN_ACCOUNT);
        }
        User user = found.get();
        Instant now = clock.instant();
        AccountLockout lockout = lockouts.find(user.id());
        if (lockout.isLockedAt(now)) {
            throw refused(Refusal.LOCKED);
        }
        if (!matches) {
            lockouts.update(user.id(), current -> current.recordFailure(now, lockoutPolicy));
            throw refused(Refusal.WRONG_PASSWORD);
        }
        if (!lockout.isClear()) {
            // Decided again on the stored state: a wrong password racing this request may just have locked the account.
            if (lockouts.update(user.id(), current -> current.recordSuccess(now)).isLockedAt(now)) {
                throw refused(Refusal.LOCKED);
            }
        }
        if (hasher.needsRehash(user.passwordHash())) {
            user = user.withPasswordHash(hasher.hash(password), now);
            users.updatePasswordHash(user);
        }
        SessionToken token = SessionToken.generate(random);
        Session session = Session.start(SessionId.random(), user.id(), token.hash(), command.client(), now, sessionPolicy);
        sessions.add(session);
        return new SignedIn(user, session, token);
    }

    /** One answer for every refusal, so callers cannot tell them apart; an audit trail records {@code why} here. */
    private static AuthException refused(Refusal why) {
        return new AuthException(Reason.INVALID_CREDENTIALS, INVALID);
    }

    private static Optional<Email> parseEmail(String raw) {
        try {
            return Optional.of(Email.of(raw));
        } catch (AuthException malformed) {
            return Optional.empty();
        }
    }
}
