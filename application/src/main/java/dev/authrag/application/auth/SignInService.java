package dev.authrag.application.auth;

import dev.authrag.application.audit.AuditTrail;
import dev.authrag.domain.audit.SecurityEvent;
import dev.authrag.domain.audit.SecurityEvent.Type;
import dev.authrag.domain.auth.AuthException;
import dev.authrag.domain.auth.AuthException.Reason;
import dev.authrag.domain.lockout.AccountLockout;
import dev.authrag.domain.lockout.LockoutPolicy;
import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.SessionLimit;
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
 * The audit trail, which only operators and the account's owner read, does tell the refusals apart
 * ({@code signin_failed} with {@code unknown_email} or {@code wrong_password}, {@code signin_locked}).
 */
public final class SignInService implements SignIn {

    private static final String INVALID = "Invalid email or password";

    private final Users users;
    private final SessionEnding sessionEnding;
    private final Transactions transactions;
    private final AccountLockouts lockouts;
    private final PasswordHasher hasher;
    private final SessionPolicy sessionPolicy;
    private final SessionLimit sessionLimit;
    private final LockoutPolicy lockoutPolicy;
    private final Clock clock;
    private final SecureRandom random;
    private final PasswordHash dummyHash;
    private final AuditTrail audit;

    /** Why a sign-in was refused. Callers only ever see INVALID_CREDENTIALS; this tells the cases apart inside. */
    private enum Refusal {
        UNKNOWN_ACCOUNT(Type.SIGNIN_FAILED, "unknown_email"),
        WRONG_PASSWORD(Type.SIGNIN_FAILED, "wrong_password"),
        LOCKED(Type.SIGNIN_LOCKED, "account_locked"),
        /** The password verified was changed while this sign-in ran: it is no longer the account's password. */
        PASSWORD_CHANGED(Type.SIGNIN_FAILED, "password_changed");

        private final Type event;
        private final String reason;

        Refusal(Type event, String reason) {
            this.event = event;
            this.reason = reason;
        }
    }

    public SignInService(Users users, SessionEnding sessionEnding, Transactions transactions, AccountLockouts lockouts,
                         PasswordHasher hasher, SessionPolicy sessionPolicy, SessionLimit sessionLimit,
                         LockoutPolicy lockoutPolicy, Clock clock, SecureRandom random, AuditTrail audit) {
        this.users = users;
        this.sessionEnding = sessionEnding;
        this.transactions = transactions;
        this.lockouts = lockouts;
        this.hasher = hasher;
        this.sessionPolicy = sessionPolicy;
        this.sessionLimit = sessionLimit;
        this.lockoutPolicy = lockoutPolicy;
        this.clock = clock;
        this.random = random;
        this.audit = audit;
        this.dummyHash = hasher.hash(Password.of(SessionToken.generate(random).reveal()));
    }

    @Override
    public SignedIn signIn(Command command) {
        Password password = Password.of(command.password() == null ? "" : command.password());
        Optional<User> found = parseEmail(command.email()).flatMap(users::findByEmail);
        // Verified before the lockout is even read, so every refusal costs exactly one verification.
        boolean matches = hasher.verify(password, found.map(User::passwordHash).orElse(dummyHash));
        if (found.isEmpty()) {
            throw refused(Refusal.UNKNOWN_ACCOUNT, command, null, clock.instant());
        }
        User user = found.get();
        Instant now = clock.instant();
        AccountLockout lockout = lockouts.find(user.id());
        if (lockout.isLockedAt(now)) {
            throw refused(Refusal.LOCKED, command, user, now);
        }
        if (!matches) {
            lockouts.update(user.id(), current -> current.recordFailure(now, lockoutPolicy));
            throw refused(Refusal.WRONG_PASSWORD, command, user, now);
        }
        if (!lockout.isClear()) {
            // Decided again on the stored state: a wrong password racing this request may just have locked the account.
            if (lockouts.update(user.id(), current -> current.recordSuccess(now)).isLockedAt(now)) {
                throw refused(Refusal.LOCKED, command, user, now);
            }
        }
        if (hasher.needsRehash(user.passwordHash())) {
            User rehashed = user.withPasswordHash(hasher.hash(password), now);
            // compare-and-set: a password change that landed since the read is never overwritten by this rehash
            if (!users.replacePasswordHash(rehashed, user.passwordHash())) {
                throw refused(Refusal.PASSWORD_CHANGED, command, user, now);
            }
            user = rehashed;
        }
        SessionToken token = SessionToken.generate(random);
        Session session = Session.start(SessionId.random(), user.id(), token.hash(), command.client(), now, sessionPolicy);
        User verified = user;
        // One transaction: the account must still have the password just verified, and holds still until the session
        // is stored, so a password change either lands first (and this sign-in is refused) or after (and revokes it).
        boolean stored = transactions.inTransaction(() -> {
            if (!users.stillHasPassword(verified.id(), verified.passwordHash())) {
                return false;
            }
            // atomically ends the user's oldest sessions beyond the limit (MAX_SESSIONS_PER_USER)
            sessionEnding.startWithinLimit(session, sessionLimit, command.client());
            return true;
        });
        if (!stored) {
            throw refused(Refusal.PASSWORD_CHANGED, command, user, now);
        }
        audit.record(SecurityEvent.of(Type.SIGNIN_SUCCESS, now, command.client()).withUser(user.id()).withSession(session.id()));
        return new SignedIn(user, session, token);
    }

    /** Records why in the audit trail, then gives the one answer every refusal shares. */
    private AuthException refused(Refusal why, Command command, User user, Instant now) {
        SecurityEvent event = SecurityEvent.of(why.event, now, command.client(), why.reason);
        audit.record(user == null ? event : event.withUser(user.id()));
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
