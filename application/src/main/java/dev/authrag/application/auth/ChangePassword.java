package dev.authrag.application.auth;

/** Use case: a signed-in user replaces their password, which signs out every other session. */
public interface ChangePassword {

    /**
     * @throws dev.authrag.domain.auth.AuthException WEAK_PASSWORD when the new password fails the registration policy,
     *         WRONG_CURRENT_PASSWORD when the current password does not match, UNAUTHENTICATED when the account is gone
     */
    Changed change(Command command);

    record Command(Caller caller, String currentPassword, String newPassword) {

        @Override
        public String toString() {
            return "ChangePassword.Command[user=" + caller.user() + "]";
        }
    }

    /** @param revokedSessions how many other sessions the change ended */
    record Changed(int revokedSessions) {
    }
}
