package dev.authrag.application.auth;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PurgeEndedSessionsServiceTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final SessionPolicy POLICY = SessionPolicy.standard();
    private static final Duration RETENTION = Duration.ofDays(7);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MutableClock clock = new MutableClock(T0);
    private final InMemorySessions sessions = new InMemorySessions();
    private final UserId alice = UserId.random();

    @Test
    void purge_deletesSessionsThatEndedMoreThanTheRetentionAgoAndKeepsTheRest() {
        Session expiredLongAgo = aSessionStartedAt(T0.minus(Duration.ofDays(20)));
        Session expiredRecently = aSessionStartedAt(T0.minus(Duration.ofDays(10)));
        Session revokedLongAgo = aSessionStartedAt(T0.minus(Duration.ofDays(9)));
        sessions.revoke(revokedLongAgo.revoke(T0.minus(Duration.ofDays(8)), RevokeReason.SIGNED_OUT));
        Session revokedRecently = aSessionStartedAt(T0.minus(Duration.ofDays(9)));
        sessions.revoke(revokedRecently.revoke(T0.minus(Duration.ofDays(6)), RevokeReason.SIGNED_OUT));
        Session active = aSessionStartedAt(T0.minus(Duration.ofDays(1)));

        int purged = new PurgeEndedSessionsService(sessions, RETENTION, 100, clock).purge();

        assertThat(purged).isEqualTo(2);
        assertThat(sessions.findById(expiredLongAgo.id())).isEmpty();
        assertThat(sessions.findById(revokedLongAgo.id())).isEmpty();
        assertThat(sessions.findById(expiredRecently.id())).isPresent();
        assertThat(sessions.findById(revokedRecently.id())).isPresent();
        assertThat(sessions.findById(active.id())).isPresent();
    }

    @Test
    void purge_repeatsBatchesUntilNothingIsLeft() {
        for (int i = 0; i < 7; i++) {
            aSessionStartedAt(T0.minus(Duration.ofDays(30)).plusSeconds(i));
        }

        int purged = new PurgeEndedSessionsService(sessions, RETENTION, 3, clock).purge();

        assertThat(purged).isEqualTo(7);
        assertThat(sessions.size()).isZero();
    }

    @Test
    void purge_withNothingToDelete_returnsZero() {
        aSessionStartedAt(T0);

        assertThat(new PurgeEndedSessionsService(sessions, RETENTION, 3, clock).purge()).isZero();
        assertThat(sessions.size()).isEqualTo(1);
    }

    @Test
    void aNonPositiveBatchSize_isRejected() {
        assertThatThrownBy(() -> new PurgeEndedSessionsService(sessions, RETENTION, 0, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Session aSessionStartedAt(Instant start) {
        Session session = Session.start(SessionId.random(), alice, SessionToken.generate(RANDOM).hash(),
                ClientInfo.unknown(), start, POLICY);
        sessions.add(session);
        return session;
    }
}
