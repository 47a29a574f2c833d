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
import dev.authrag.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RevokeOtherSessionsServiceTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final SessionPolicy POLICY = SessionPolicy.standard();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ClientInfo CLIENT = new ClientInfo("198.51.100.4", "Firefox");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemorySessions sessions = new InMemorySessions();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final SessionMemory memory = new SessionMemory(sessions, dev.authrag.domain.session.SessionPolicy.standard(), java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(10), 1000);
    private final RevokeOtherSessions revokeOthers = new RevokeOtherSessionsService(new SessionEnding(sessions, memory, audit, new InlineTransactions()), clock);

    private final UserId alice = UserId.random();

    @Test
    void revokeOthers_revokesEveryOtherActiveSessionAndCountsThem() {
        Session current = aSession(alice);
        Session laptop = aSession(alice);
        Session phone = aSession(alice);
        Session bobs = aSession(UserId.random());
        clock.advance(Duration.ofMinutes(3));

        int revoked = revokeOthers.revokeOthers(new Caller(alice, current.id()));

        assertThat(revoked).isEqualTo(2);
        for (Session other : new Session[]{laptop, phone}) {
            Session stored = sessions.findById(other.id()).orElseThrow();
            assertThat(stored.revokeReason()).contains(RevokeReason.OTHERS_REVOKED);
            assertThat(stored.revokedAt()).contains(clock.instant());
        }
        assertThat(sessions.findById(current.id()).orElseThrow().isActiveAt(clock.instant())).isTrue();
        assertThat(sessions.findById(bobs.id()).orElseThrow().isActiveAt(clock.instant())).isTrue();
    }

    @Test
    void revokeOthers_recordsEachSessionItEnded_andNoOther() {
        Session current = aSession(alice);
        Session laptop = aSession(alice);
        Session phone = aSession(alice);
        aSession(UserId.random());
        clock.advance(Duration.ofMinutes(3));

        revokeOthers.revokeOthers(new Caller(alice, current.id(), CLIENT));
        revokeOthers.revokeOthers(new Caller(alice, current.id(), CLIENT));

        List<SecurityEvent> events = audit.all();
        assertThat(events).extracting(SecurityEvent::sessionId).containsExactlyInAnyOrder(laptop.id(), phone.id());
        assertThat(events).allSatisfy(event -> {
            assertThat(event.type()).isEqualTo(Type.SESSION_REVOKED);
            assertThat(event.reason()).isEqualTo("others_revoked");
            assertThat(event.userId()).isEqualTo(alice);
            assertThat(event.client()).isEqualTo(CLIENT);
            assertThat(event.occurredAt()).isEqualTo(clock.instant());
        });
    }

    @Test
    void revokeOthers_withNoOtherSession_revokesNothing() {
        Session current = aSession(alice);

        assertThat(revokeOthers.revokeOthers(new Caller(alice, current.id()))).isZero();
        assertThat(sessions.findById(current.id()).orElseThrow().revokedAt()).isEmpty();
        assertThat(audit.all()).isEmpty();
    }

    @Test
    void revokeOthers_twice_countsOnlyWhatTheSecondCallRevoked() {
        Session current = aSession(alice);
        aSession(alice);
        revokeOthers.revokeOthers(new Caller(alice, current.id()));

        assertThat(revokeOthers.revokeOthers(new Caller(alice, current.id()))).isZero();
    }

    private Session aSession(UserId owner) {
        Session session = Session.start(SessionId.random(), owner, SessionToken.generate(RANDOM).hash(),
                ClientInfo.unknown(), clock.instant(), POLICY);
        sessions.add(session);
        return session;
    }
}
