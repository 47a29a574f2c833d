package dev.authrag.application.auth;

import dev.authrag.application.audit.InMemoryAuditTrail;
import dev.authrag.domain.audit.SecurityEvent;
import dev.authrag.domain.audit.SecurityEvent.Type;
import dev.authrag.domain.auth.AuthException;
import dev.authrag.domain.auth.AuthException.Reason;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RevokeSessionServiceTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final SessionPolicy POLICY = SessionPolicy.standard();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ClientInfo CLIENT = new ClientInfo("198.51.100.4", "Firefox");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemorySessions sessions = new InMemorySessions();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final SessionMemory memory = new SessionMemory(sessions, POLICY, java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(10), 1000);
    private final RevokeSession revokeSession = new RevokeSessionService(sessions, new SessionEnding(sessions, memory, audit, new InlineTransactions()), clock);

    private final UserId alice = UserId.random();
    private final UserId bob = UserId.random();
    private SessionToken laptopToken;
    private Session laptop;
    private Session phone;
    private Caller aliceOnLaptop;

    @BeforeEach
    void aliceIsSignedInTwice() {
        laptopToken = SessionToken.generate(RANDOM);
        laptop = Session.start(SessionId.random(), alice, laptopToken.hash(), ClientInfo.unknown(), T0, POLICY);
        phone = aSession(alice);
        sessions.add(laptop);
        aliceOnLaptop = new Caller(alice, laptop.id(), CLIENT);
        clock.advance(Duration.ofMinutes(5));
    }

    @Test
    void revoke_ofAnotherOfTheCallersSessions_revokesItByTheUser() {
        revokeSession.revoke(new RevokeSession.Command(aliceOnLaptop, phone.id()));

        Session stored = sessions.findById(phone.id()).orElseThrow();
        assertThat(stored.revokedAt()).contains(clock.instant());
        assertThat(stored.revokeReason()).contains(RevokeReason.REVOKED_BY_USER);
        assertThat(sessions.findById(laptop.id()).orElseThrow().revokedAt()).isEmpty();
    }

    @Test
    void revoke_recordsTheRevokedSession_byTheUser_withWhereTheRequestCameFrom() {
        revokeSession.revoke(new RevokeSession.Command(aliceOnLaptop, phone.id()));

        SecurityEvent event = audit.single();
        assertThat(event.type()).isEqualTo(Type.SESSION_REVOKED);
        assertThat(event.reason()).isEqualTo("revoked_by_user");
        assertThat(event.userId()).isEqualTo(alice);
        assertThat(event.sessionId()).as("the session that ended, not the caller's").isEqualTo(phone.id());
        assertThat(event.client()).isEqualTo(CLIENT);
        assertThat(event.occurredAt()).isEqualTo(clock.instant());
    }

    @Test
    void aRefusedRevoke_recordsNothing() {
        Session bobs = aSession(bob);
        revokeSession.revoke(new RevokeSession.Command(aliceOnLaptop, phone.id()));

        assertNotFound(new RevokeSession.Command(aliceOnLaptop, bobs.id()));
        assertNotFound(new RevokeSession.Command(aliceOnLaptop, phone.id()));
        assertNotFound(new RevokeSession.Command(aliceOnLaptop, SessionId.random()));

        assertThat(audit.all()).singleElement().satisfies(event -> assertThat(event.sessionId()).isEqualTo(phone.id()));
    }

    @Test
    void revoke_ofTheCurrentSession_endsItLikeASignOut() {
        InMemoryUsers users = new InMemoryUsers();
        users.add(User.register(alice, Email.of("alice@example.com"), null, new PasswordHash("$fake$x"), T0));

        revokeSession.revoke(new RevokeSession.Command(aliceOnLaptop, laptop.id()));

        assertThat(new VerifySessionService(users, sessions, POLICY, clock, memory, 64, java.time.Duration.ZERO).verify(laptopToken)).isEmpty();
    }

    @Test
    void revoke_ofAnotherUsersSession_isNotFoundAndLeavesItAlone() {
        Session bobs = aSession(bob);

        assertNotFound(new RevokeSession.Command(aliceOnLaptop, bobs.id()));

        assertThat(sessions.findById(bobs.id()).orElseThrow().revokedAt()).isEmpty();
    }

    @Test
    void revoke_ofAnUnknownSession_isNotFound() {
        assertNotFound(new RevokeSession.Command(aliceOnLaptop, SessionId.random()));
    }

    @Test
    void revoke_ofAnAlreadyRevokedSession_isNotFoundAndKeepsTheFirstRevocation() {
        revokeSession.revoke(new RevokeSession.Command(aliceOnLaptop, phone.id()));
        Instant first = clock.instant();
        clock.advance(Duration.ofMinutes(1));

        assertNotFound(new RevokeSession.Command(aliceOnLaptop, phone.id()));

        assertThat(sessions.findById(phone.id()).orElseThrow().revokedAt()).contains(first);
    }

    @Test
    void revoke_ofAnExpiredSession_isNotFound() {
        clock.advance(POLICY.idleTimeout());

        assertNotFound(new RevokeSession.Command(aliceOnLaptop, phone.id()));

        assertThat(sessions.findById(phone.id()).orElseThrow().revokedAt()).isEmpty();
    }

    private void assertNotFound(RevokeSession.Command command) {
        assertThatThrownBy(() -> revokeSession.revoke(command))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SESSION_NOT_FOUND));
    }

    private Session aSession(UserId owner) {
        Session session = Session.start(SessionId.random(), owner, SessionToken.generate(RANDOM).hash(),
                ClientInfo.unknown(), T0, POLICY);
        sessions.add(session);
        return session;
    }
}
