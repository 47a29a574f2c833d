package dev.authrag.application.auth;

import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.SessionToken;
import dev.authrag.domain.user.User;

import java.util.Optional;

/** Use case: resolve a presented session token to its active session and user. */
public interface VerifySession {

    /** Empty when the token is unknown, or its session expired or was revoked. Records the use (sliding expiry). */
    Optional<CurrentSession> verify(SessionToken token);

    /** The active session of that id and its user, for a caller who proved it another way (an access token). */
    Optional<CurrentSession> current(SessionId id);

    /**
     * {@link #verify} answered from this instance's memory when it can be, without storage and so without blocking:
     * accepted only for a session seen recently, known active, and not due for its sliding-expiry write; refused for
     * a token or session remembered as refused or ended. {@link Recalled#UNKNOWN} means "call {@link #verify}".
     */
    Recalled verifyFromMemory(SessionToken token);

    /** {@link #current} from memory, on the same terms as {@link #verifyFromMemory}. */
    Recalled currentFromMemory(SessionId id);

    /**
     * An authenticated caller. {@code renewed}: this very call slid the session's idle expiry (and stored it), so a
     * browser's cookie should be renewed with it.
     */
    record CurrentSession(User user, Session session, boolean renewed) {

        public CurrentSession(User user, Session session) {
            this(user, session, false);
        }
    }

    /** What memory alone says about a credential: accepted (with its session), refused, or nothing known. */
    record Recalled(Optional<CurrentSession> accepted, boolean refused) {

        public static final Recalled UNKNOWN = new Recalled(Optional.empty(), false);
        public static final Recalled REFUSED = new Recalled(Optional.empty(), true);

        public static Recalled accepted(CurrentSession current) {
            return new Recalled(Optional.of(current), false);
        }

        /** True when memory answered, either way, and storage need not be asked. */
        public boolean known() {
            return refused || accepted.isPresent();
        }
    }
}
