package dev.authrag.application.auth;

import dev.authrag.application.audit.AuditTrail;
import dev.authrag.domain.audit.SecurityEvent;
import dev.authrag.domain.audit.SecurityEvent.Type;
import dev.authrag.domain.auth.AuthException;
import dev.authrag.domain.auth.AuthException.Reason;
import dev.authrag.domain.lockout.LockoutPolicy;
import dev.authrag.domain.session.RevokeReason;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.user.Password;
import dev.authrag.domain.user.PasswordHash;
import dev.authrag.domain.user.PasswordPolicy;
import dev.authrag.domain.user.User;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Checks the current password, hashes the new one with the current parameters, then, in one transaction
 * ({@link Transactions}), stores it (compare-and-set on the hash it verified) and ends the user's other sessions
 * through {@link SessionEnding}. The slow hashing happens before, so no transaction or pooled connection waits on Argon2. A change also
 * clears the account's failed sign-ins, and is recorded in the audit trail with every session it ended.
 *
 * <p>A wrong current password is a failed sign-in in all but name: it counts towards the account's lockout, and a
 * locked account refuses the right one too, with the same answer, so the route cannot serve as a password oracle
 * beside sign-in. Each refusal is audited as {@code password_change_failed} ({@code wrong_password} or
 * {@code account_locked}).
 */
public final class ChangePasswordService implements ChangePassword {

    private final Users users;
    private final SessionEnding sessionEnding;
    private final Transactions transactions;
    private final AccountLockouts lockouts;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final LockoutPolicy lockoutPolicy;
    private final Clock clock;
    private final AuditTrail audit;

    public ChangePasswordService(Users users, SessionEnding sessionEnding, Transactions transactions,
                                 AccountLockouts lockouts, PasswordHasher hasher, PasswordPolicy policy,
                                 LockoutPolicy lockoutPolicy, Clock clock, AuditTrail audit) {
        this.users = users;
        this.sessionEnding = sessionEnding;
        this.transactions = transactions;
        this.lockouts = lockouts;
        this.hasher = hasher;
        this.policy = policy;
        this.lockoutPolicy = lockoutPolicy;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public Changed change(Command command) {
        User user = users.findById(command.caller().user())
                .orElseThrow(() -> new AuthException(Reason.UNAUTHENTICATED, "Authentication is required."));
        if (command.newPassword() == null) {
            throw new AuthException(Reason.WEAK_PASSWORD, "A new password is required", List.of("too_short"));
        }
        Password newPassword = Password.of(command.newPassword());
        // the cheap policy check first: a refused new password costs no Argon2 work
        policy.check(newPassword, user.email());
        Password current = Password.of(command.currentPassword() == null ? "" : command.currentPassword());
        requireCurrentPassword(user, current, command.caller());
        PasswordHash newHash = hasher.hash(newPassword);
        Instant now = clock.instant();
        User changed = user.withPasswordHash(newHash, now);
        Caller caller = command.caller();
        List<SessionId> revoked = transactions.inTransaction(() -> {
            // compare-and-set on the hash just verified: a concurrent change (or reset) that landed first wins
            if (!users.replacePasswordHash(changed, user.passwordHash())) {
                throw new AuthException(Reason.WRONG_CURRENT_PASSWORD, "The current password is wrong.");
            }
            return sessionEnding.endOthers(user.id(), caller.session(), now, RevokeReason.PASSWORD_CHANGED, caller.client());
        });
        // After the change is stored, not before: failures counted against the old password say nothing about the
        // new one (issue 3), and a change that failed must not hand a guesser a fresh count.
        lockouts.reset(user.id());
        audit.record(SecurityEvent.of(Type.PASSWORD_CHANGED, now, caller.client()).withUser(user.id()).withSession(caller.session()));
        return new Changed(revoked.size());
    }

    /**
     * Verified before the lockout is read, as in sign-in, so a locked account costs the same verification; a locked
     * account is refused whatever was typed, and a wrong password counts towards the lockout.
     */
    private void requireCurrentPassword(User user, Password current, Caller caller) {
        boolean matches = hasher.verify(current, user.passwordHash());
        Instant now = clock.instant();
        String refusal = null;
        if (lockouts.find(user.id()).isLockedAt(now)) {
            refusal = "account_locked";
        } else if (!matches) {
            lockouts.update(user.id(), lockout -> lockout.recordFailure(now, lockoutPolicy));
            refusal = "wrong_password";
        }
        if (refusal != null) {
            audit.record(SecurityEvent.of(Type.PASSWORD_CHANGE_FAILED, now, caller.client(), refusal)
                    .withUser(user.id()).withSession(caller.session()));
            throw new AuthException(Reason.WRONG_CURRENT_PASSWORD, "The current password is wrong.");
        }
    }
}
