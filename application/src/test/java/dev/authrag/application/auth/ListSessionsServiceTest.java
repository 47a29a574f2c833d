package dev.authrag.application.auth;

import dev.authrag.domain.session.ClientInfo;
import dev.authrag.domain.session.RevokeReason;
import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.SessionPolicy;
import dev.authrag.domain.session.SessionToken;
import dev.authrag.domain.user.Email;
import dev.authrag.domain.user.PasswordHash;
import dev.authrag.domain.user.User;
import dev.authrag.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ListSessionsServiceTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final SessionPolicy POLICY = SessionPolicy.standard();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MutableClock clock = new MutableClock(T0);
    private final InMemorySessions sessions = new InMemorySessions();
    private final InMemoryUsers users = new InMemoryUsers();
    private final ListSessions listSessions = new ListSessionsService(sessions, clock);

    private User alice;
    private Session laptop;
    private Session phone;

    @BeforeEach
    void aliceIsSignedInTwice() {
        alice = aUser("alice@example.com");
        laptop = aSession(alice, T0);
        phone = aSession(alice, T0.plus(Duration.ofHours(1)));
        clock.advance(Duration.ofHours(2));
    }

    @Test
    void list_showsTheCallersActiveSessionsNewestFirstAndMarksTheCurrentOne() {
        List<ListSessions.ListedSession> listed = listSessions.list(new Caller(alice.id(), laptop.id()));

        assertThat(listed).extracting(entry -> entry.session().id()).containsExactly(phone.id(), laptop.id());
        assertThat(listed).extracting(ListSessions.ListedSession::current).containsExactly(false, true);
        assertThat(listed.get(1).session().client()).isEqualTo(new ClientInfo("203.0.113.7", "Firefox"));
    }

    @Test
    void list_leavesOutRevokedExpiredAndOtherUsersSessions() {
        sessions.revoke(phone.revoke(clock.instant(), RevokeReason.SIGNED_OUT));
        aSession(aUser("bob@example.com"), T0);
        Session expired = aSession(alice, T0.minus(POLICY.idleTimeout()));

        List<ListSessions.ListedSession> listed = listSessions.list(new Caller(alice.id(), laptop.id()));

        assertThat(listed).extracting(entry -> entry.session().id()).containsExactly(laptop.id())
                .doesNotContain(expired.id());
    }

    @Test
    void list_whenCalledThroughASessionNotInTheList_marksNoneCurrent() {
        List<ListSessions.ListedSession> listed = listSessions.list(new Caller(alice.id(), SessionId.random()));

        assertThat(listed).hasSize(2).noneMatch(ListSessions.ListedSession::current);
    }

    private User aUser(String email) {
        User user = User.register(UserId.random(), Email.of(email), null, new PasswordHash("$fake$x"), T0);
        users.add(user);
        return user;
    }

    private Session aSession(User owner, Instant start) {
        Session session = Session.start(SessionId.random(), owner.id(), SessionToken.generate(RANDOM).hash(),
                new ClientInfo("203.0.113.7", "Firefox"), start, POLICY);
        sessions.add(session);
        return session;
    }
}
