package dev.authrag.application.token;

import dev.authrag.application.auth.ActiveSessions;
import dev.authrag.application.auth.InMemorySessions;
import dev.authrag.application.auth.InMemoryUsers;
import dev.authrag.domain.session.ClientInfo;
import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.SessionPolicy;
import dev.authrag.domain.session.SessionToken;
import dev.authrag.domain.user.Email;
import dev.authrag.domain.user.PasswordHash;
import dev.authrag.domain.user.User;
import dev.authrag.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RevocationAwareUsersTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final SessionPolicy POLICY = SessionPolicy.standard();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InMemorySessions sessionStorage = new InMemorySessions();
    private final InMemoryUsers storage = new InMemoryUsers(sessionStorage);
    private final ActiveSessions active = new ActiveSessions(sessionStorage, Duration.ofMinutes(1), 100);
    private final RevocationAwareUsers users = new RevocationAwareUsers(storage, active);

    @Test
    void changePassword_storesTheChangeAndTellsTheCacheAboutTheRevokedSessionsAtOnce() {
        User alice = User.register(UserId.random(), Email.of("alice@example.com"), null, new PasswordHash("$fake$old"), T0);
        users.add(alice);
        Session kept = aSession(alice);
        Session other = aSession(alice);
        assertThat(active.isActive(other.id(), alice.id(), T0)).isTrue();

        User changed = alice.withPasswordHash(new PasswordHash("$fake$new"), T0.plusSeconds(1));
        assertThat(users.changePassword(changed, kept.id())).containsExactly(other.id());

        assertThat(storage.findById(alice.id()).orElseThrow().passwordHash()).isEqualTo(changed.passwordHash());
        assertThat(active.isActive(other.id(), alice.id(), T0.plusSeconds(2))).isFalse();
        assertThat(active.isActive(kept.id(), alice.id(), T0.plusSeconds(2))).isTrue();
    }

    private Session aSession(User owner) {
        Session session = Session.start(SessionId.random(), owner.id(), SessionToken.generate(RANDOM).hash(),
                ClientInfo.unknown(), T0, POLICY);
        sessionStorage.add(session);
        return session;
    }
}
