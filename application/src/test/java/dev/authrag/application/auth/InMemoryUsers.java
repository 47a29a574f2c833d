package dev.authrag.application.auth;

import dev.authrag.domain.session.RevokeReason;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.user.Email;
import dev.authrag.domain.user.User;
import dev.authrag.domain.user.UserId;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test fake of {@link Users}: a synchronised map that keeps emails unique, as the real store's index does. A password
 * change revokes sessions, so a fake that must support it is built on the {@link InMemorySessions} of the same test.
 */
public final class InMemoryUsers implements Users {

    private final Map<UserId, User> byId = new LinkedHashMap<>();
    private final Map<Email, UserId> idsByEmail = new HashMap<>();
    private final InMemorySessions sessions;

    /** Accounts only; {@link #changePassword} then fails, since there are no sessions to revoke. */
    public InMemoryUsers() {
        this(null);
    }

    public InMemoryUsers(InMemorySessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public synchronized boolean add(User user) {
        if (idsByEmail.containsKey(user.email())) {
            return false;
        }
        if (byId.containsKey(user.id())) {
            throw new IllegalStateException("user id already stored: " + user.id());
        }
        byId.put(user.id(), user);
        idsByEmail.put(user.email(), user.id());
        return true;
    }

    @Override
    public synchronized Optional<User> findByEmail(Email email) {
        return Optional.ofNullable(idsByEmail.get(email)).map(byId::get);
    }

    @Override
    public synchronized Optional<User> findById(UserId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Writes only the hash and the update time, like an UPDATE of those two columns. */
    @Override
    public synchronized void updatePasswordHash(User user) {
        User stored = byId.get(user.id());
        if (stored != null) {
            byId.put(stored.id(), User.restore(stored.id(), stored.email(), stored.name().orElse(null),
                    user.passwordHash(), stored.createdAt(), user.updatedAt()));
        }
    }

    /** Under this store's lock and then the sessions' lock, so no other change of either lands in between. */
    @Override
    public synchronized List<SessionId> changePassword(User changed, SessionId keep) {
        if (sessions == null) {
            throw new IllegalStateException("build InMemoryUsers with the InMemorySessions a password change revokes");
        }
        if (!byId.containsKey(changed.id())) {
            return List.of();
        }
        updatePasswordHash(changed);
        return sessions.revokeOthers(changed.id(), keep, changed.updatedAt(), RevokeReason.PASSWORD_CHANGED);
    }

    public synchronized int size() {
        return byId.size();
    }
}
