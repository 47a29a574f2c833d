package dev.authrag.adapter.persistence.user;

import dev.authrag.application.auth.Users;
import dev.authrag.domain.user.Email;
import dev.authrag.domain.user.PasswordHash;
import dev.authrag.domain.user.User;
import dev.authrag.domain.user.UserId;
import jakarta.inject.Singleton;

import java.util.Optional;

/** {@link Users} on PostgreSQL. */
@Singleton
public class JdbcUsers implements Users {

    private final UserRepository repository;

    JdbcUsers(UserRepository repository) {
        this.repository = repository;
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

    /** The UPDATE also locks the account's row, which orders it against sign-ins storing a session (see below). */
    @Override
    public boolean replacePasswordHash(User changed, PasswordHash expected) {
        return repository.replacePasswordHash(changed.id().value(), changed.passwordHash().phc(), changed.updatedAt(),
                expected.phc()) == 1;
    }

    /** {@code SELECT ... FOR UPDATE}: the row stays locked until the surrounding transaction ends. */
    @Override
    public boolean stillHasPassword(UserId id, PasswordHash hash) {
        return repository.lockWithPassword(id.value(), hash.phc()).isPresent();
    }
}
