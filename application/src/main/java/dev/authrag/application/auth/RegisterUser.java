package dev.authrag.application.auth;

import dev.authrag.domain.session.ClientInfo;
import dev.authrag.domain.user.User;

/** Use case: create an account. */
public interface RegisterUser {

    /** @throws dev.authrag.domain.auth.AuthException INVALID_EMAIL, WEAK_PASSWORD, INVALID_NAME or EMAIL_TAKEN */
    User register(Command command);

    /** Raw input as a client typed it, and where it came from; the use case normalises and validates it. */
    record Command(String email, String password, String name, ClientInfo client) {

        /** A registration from a client whose address is unknown (tools, tests). */
        public Command(String email, String password, String name) {
            this(email, password, name, ClientInfo.unknown());
        }

        @Override
        public String toString() {
            return "RegisterUser.Command[email=" + email + ", name=" + name + "]";
        }
    }
}
