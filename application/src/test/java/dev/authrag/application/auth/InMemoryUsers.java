package dev.authrag.application.auth;

import dev.authrag.domain.session.RevokeReason;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.user.Email;
import dev.authrag.domain.user.PasswordHash;
import dev.authrag.domain.user.User;
import dev.authrag.domain.user.UserId;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test fake of {@link Users}: a synchronised map that keeps emails unique, as the real store's index does. */
public final class InMemoryUsers implements Users {

    private final Map<UserId, User> byId = new LinkedHashMap<>();
    private final Map<Email, UserId> idsByEmail = new HashMap<>();
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

    /** Compare-and-set on the hash; writes only the hash and the update time, like the real UPDATE of those columns. */
    @Override
    public synchronized boolean replacePasswordHash(User changed, PasswordHash expected) {
        User stored = byId.get(changed.id());
        if (stored == null || !stored.passwordHash().equals(expected)) {
            return false;
        }
        byId.put(stored.id(), User.restore(stored.id(), stored.email(), stored.name().orElse(null),
                changed.passwordHash(), stored.createdAt(), changed.updatedAt()));
        return true;
    }

    @Override
    public synchronized boolean stillHasPassword(UserId id, PasswordHash hash) {
        User stored = byId.get(id);
        return stored != null && stored.passwordHash().equals(hash);
    }

    public synchronized int size() {
        return byId.size();
    }
}
