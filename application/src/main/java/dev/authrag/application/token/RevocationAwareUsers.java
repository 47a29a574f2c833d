package dev.authrag.application.token;

import dev.authrag.application.auth.ActiveSessions;
import dev.authrag.application.auth.Users;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.user.Email;
import dev.authrag.domain.user.User;
import dev.authrag.domain.user.UserId;

import java.util.List;
import java.util.Optional;

/**
 * {@link Users} that tells this instance's {@link ActiveSessions} about the sessions a password change revokes, so
 * their access tokens are refused here at once, as {@link RevocationAwareSessions} does for the session store.
 */
public final class RevocationAwareUsers implements Users {

    private final Users stored;
    private final ActiveSessions activeSessions;

    public RevocationAwareUsers(Users stored, ActiveSessions activeSessions) {
        this.stored = stored;
        this.activeSessions = activeSessions;
    }

    @Override
    public boolean add(User user) {
        return stored.add(user);
    }

    @Override
    public Optional<User> findByEmail(Email email) {
        return stored.findByEmail(email);
    }

    @Override
    public Optional<User> findById(UserId id) {
        return stored.findById(id);
    }

    @Override
    public void updatePasswordHash(User user) {
        stored.updatePasswordHash(user);
    }

    @Override
    public List<SessionId> changePassword(User changed, SessionId keep) {
        List<SessionId> revoked = stored.changePassword(changed, keep);
        revoked.forEach(activeSessions::revoked);
        return revoked;
    }
}
