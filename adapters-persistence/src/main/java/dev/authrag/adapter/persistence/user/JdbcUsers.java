package dev.authrag.adapter.persistence.user;

import dev.authrag.adapter.persistence.session.JdbcSessions;
import dev.authrag.application.auth.Users;
import dev.authrag.domain.session.RevokeReason;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.user.Email;
import dev.authrag.domain.user.User;
import dev.authrag.domain.user.UserId;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** {@link Users} on PostgreSQL. */
@Singleton
public class JdbcUsers implements Users {

    private final UserRepository repository;
    private final JdbcSessions sessions;

    JdbcUsers(UserRepository repository, JdbcSessions sessions) {
        this.repository = repository;
        this.sessions = sessions;
    }

    @Override
    public boolean add(User user) {
        UserRow row = UserRow.from(user);
        return repository.insertIfAbsent(row.id(), row.email(), row.name(), row.passwordHash(),
                row.createdAt(), row.updatedAt()) == 1;
    }

    @Override
    public Optional<User> findByEmail(Email email) {
        return repository.findByEmail(email.value()).map(UserRow::toDomain);
    }

    @Override
    public Optional<User> findById(UserId id) {
        return repository.findById(id.value()).map(UserRow::toDomain);
    }

    @Override
    public void updatePasswordHash(User user) {
        repository.updatePasswordHash(user.id().value(), user.passwordHash().phc(), user.updatedAt());
    }

    /**
     * One transaction, so the new hash and the revocations land together or not at all. The UPDATE also locks the
     * user's row, which orders the change against sign-ins enforcing the session limit ({@link JdbcSessions#addWithinLimit}).
     */
    @Override
    @Transactional
    public List<SessionId> changePassword(User changed, SessionId keep) {
        if (repository.updatePasswordHash(changed.id().value(), changed.passwordHash().phc(), changed.updatedAt()) == 0) {
            return List.of();
        }
        return sessions.revokeOthers(changed.id(), keep, changed.updatedAt(), RevokeReason.PASSWORD_CHANGED);
    }
}
