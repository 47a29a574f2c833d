package dev.authrag.application.auth;

import dev.authrag.domain.session.ClientInfo;
import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionToken;
import dev.authrag.domain.user.User;

/** Use case: exchange an email and password for a new session. */
public interface SignIn {

    /**
     * @throws dev.authrag.domain.auth.AuthException INVALID_CREDENTIALS, the same for an unknown email, a wrong password
     *         and a locked account (which refuses even the right password)
     */
    SignedIn signIn(Command command);

    record Command(String email, String password, ClientInfo client) {

        @Override
        public String toString() {
            return "SignIn.Command[email=" + email + "]";
        }
    }

    /** The new session and the only copy of its token that will ever exist. */
    record SignedIn(User user, Session session, SessionToken token) {
    }
}
