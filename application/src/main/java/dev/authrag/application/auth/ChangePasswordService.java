package dev.authrag.application.auth;

import dev.authrag.domain.auth.AuthException;
import dev.authrag.domain.auth.AuthException.Reason;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.user.Password;
import dev.authrag.domain.user.PasswordHash;
import dev.authrag.domain.user.PasswordPolicy;
import dev.authrag.domain.user.User;

import java.time.Clock;
import java.util.List;

/**
 * Checks the current password, hashes the new one with the current parameters, then stores it and revokes the
 * user's other sessions in one port call ({@link Users#changePassword}), which the adapter runs as one transaction.
 * The slow hashing happens before that call, so no transaction or pooled connection waits on Argon2.
 */
public final class ChangePasswordService implements ChangePassword {

    private final Users users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final Clock clock;

    public ChangePasswordService(Users users, PasswordHasher hasher, PasswordPolicy policy, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.clock = clock;
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
        if (!hasher.verify(current, user.passwordHash())) {
            throw new AuthException(Reason.WRONG_CURRENT_PASSWORD, "The current password is wrong.");
        }
        PasswordHash newHash = hasher.hash(newPassword);
        User changed = user.withPasswordHash(newHash, clock.instant());
        // Account lockout: a password change also clears the failed sign-in count; reset it here, with the new hash.
        List<SessionId> revoked = users.changePassword(changed, command.caller().session());
        return new Changed(revoked.size());
    }
}
