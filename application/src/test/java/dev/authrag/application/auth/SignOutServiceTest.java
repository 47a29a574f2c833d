package dev.authrag.application.auth;

import dev.authrag.application.audit.InMemoryAuditTrail;
import dev.authrag.domain.audit.SecurityEvent;
import dev.authrag.domain.audit.SecurityEvent.Type;
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
import static org.assertj.core.api.Assertions.assertThatCode;

class SignOutServiceTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final SessionPolicy POLICY = SessionPolicy.standard();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ClientInfo CLIENT = new ClientInfo("198.51.100.4", "Firefox");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryUsers users = new InMemoryUsers();
    private final InMemorySessions sessions = new InMemorySessions();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final SessionMemory memory = new SessionMemory(sessions, POLICY, java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(10), 1000);
    private final SignOut signOut = new SignOutService(sessions, new SessionEnding(sessions, memory, audit, new InlineTransactions()), clock);
    private final VerifySession verify = new VerifySessionService(users, sessions, POLICY, clock, memory, 64, java.time.Duration.ZERO);

    private User alice;
    private SessionToken laptopToken;
    private Session laptop;

    @BeforeEach
    void aliceIsSignedIn() {
        alice = User.register(UserId.random(), Email.of("alice@example.com"), "Alice", new PasswordHash("$fake$x"), T0);
        users.add(alice);
        laptopToken = SessionToken.generate(RANDOM);
        laptop = Session.start(SessionId.random(), alice.id(), laptopToken.hash(), ClientInfo.unknown(), T0, POLICY);
        sessions.add(laptop);
        clock.advance(Duration.ofMinutes(10));
    }

    @Test
    void signOut_revokesTheSessionAsSignedOut() {
        signOut.signOut(laptop.id(), CLIENT);

        Session stored = sessions.findById(laptop.id()).orElseThrow();
        assertThat(stored.revokedAt()).contains(clock.instant());
        assertThat(stored.revokeReason()).contains(RevokeReason.SIGNED_OUT);
        assertThat(verify.verify(laptopToken)).isEmpty();
    }

    @Test
    void signOut_twice_isHarmlessAndKeepsTheFirstRevocation() {
        Instant firstSignOut = clock.instant();
        signOut.signOut(laptop.id(), CLIENT);
        clock.advance(Duration.ofMinutes(1));

        assertThatCode(() -> signOut.signOut(laptop.id(), CLIENT)).doesNotThrowAnyException();

        assertThat(sessions.findById(laptop.id())).get()
                .satisfies(stored -> assertThat(stored.revokedAt()).contains(firstSignOut));
    }

    @Test
    void signOut_ofAnUnknownSession_doesNothing() {
        assertThatCode(() -> signOut.signOut(SessionId.random(), CLIENT)).doesNotThrowAnyException();

        assertThat(sessions.findById(laptop.id())).get()
                .satisfies(stored -> assertThat(stored.revokedAt()).isEmpty());
    }

    @Test
    void signOut_recordsOneEventForTheUserAndSession_evenWhenRepeated() {
        signOut.signOut(laptop.id(), CLIENT);
        clock.advance(Duration.ofMinutes(1));
        signOut.signOut(laptop.id(), CLIENT);
        signOut.signOut(SessionId.random(), CLIENT);

        SecurityEvent event = audit.single();
        assertThat(event.type()).isEqualTo(Type.SIGNOUT);
        assertThat(event.userId()).isEqualTo(alice.id());
        assertThat(event.sessionId()).isEqualTo(laptop.id());
        assertThat(event.client()).as("where the sign-out came from, not where the session began").isEqualTo(CLIENT);
        assertThat(event.occurredAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    }

    @Test
    void signOut_leavesTheUsersOtherSessionsActive() {
        SessionToken phoneToken = SessionToken.generate(RANDOM);
        sessions.add(Session.start(SessionId.random(), alice.id(), phoneToken.hash(), ClientInfo.unknown(), T0, POLICY));

        signOut.signOut(laptop.id(), CLIENT);

        assertThat(verify.verify(phoneToken)).isPresent();
        assertThat(verify.verify(laptopToken)).isEmpty();
    }
}
