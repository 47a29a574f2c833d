package dev.authrag.adapter.persistence.user;

import dev.authrag.domain.user.Email;
import dev.authrag.domain.user.PasswordHash;
import dev.authrag.domain.user.User;
import dev.authrag.domain.user.UserId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code users}. */
@MappedEntity("users")
public record UserRow(@Id UUID id,
                      String email,
                      @Nullable String name,
                      String passwordHash,
                      Instant createdAt,
                      Instant updatedAt) {

    static UserRow from(User user) {
        return new UserRow(user.id().value(), user.email().value(), user.name().orElse(null),
                user.passwordHash().phc(), user.createdAt(), user.updatedAt());
    }

    User toDomain() {
        return User.restore(new UserId(id), new Email(email), name, new PasswordHash(passwordHash), createdAt, updatedAt);
    }

    @Override
    public String toString() {
        return "UserRow[id=" + id + "]";
    }
}
