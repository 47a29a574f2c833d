package dev.authrag.application.auth;

import dev.authrag.application.auth.InMemorySessions;
import dev.authrag.domain.session.ClientInfo;
import dev.authrag.domain.session.RevokeReason;
import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.SessionPolicy;
import dev.authrag.domain.session.SessionToken;
import dev.authrag.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ActiveSessionsTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final SessionPolicy POLICY = new SessionPolicy(Duration.ofHours(1), Duration.ofHours(8), Duration.ofMinutes(5));
    private static final Duration LOOK_BACK = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InMemorySessions storage = new InMemorySessions();
    private final CountingSessions counted = new CountingSessions(storage);
    private final ActiveSessions active = new ActiveSessions(counted, LOOK_BACK, 100);
    private final UserId alice = UserId.random();

    private Session session;

    @BeforeEach
    void aliceHasASession() {
        session = newSession(alice);
    }

    @Test
    void isActive_loadsASessionOnFirstSightAndThenAnswersFromMemory() {
        assertThat(active.isActive(session.id(), alice, T0)).isTrue();
        assertThat(active.isActive(session.id(), alice, T0.plusSeconds(30))).isTrue();

        assertThat(counted.findsById()).isEqualTo(1);
        assertThat(active.size()).isEqualTo(1);
    }

    @Test
    void isActive_ofAnUnknownSession_isFalse() {
        assertThat(active.isActive(SessionId.random(), alice, T0)).isFalse();
        assertThat(active.size()).isZero();
    }

    @Test
    void isActive_ofASessionRevokedBeforeFirstSight_isFalse() {
        storage.revoke(session.revoke(T0, RevokeReason.SIGNED_OUT));

        assertThat(active.isActive(session.id(), alice, T0.plusSeconds(1))).isFalse();
    }

    @Test
    void isActive_forAnotherUser_isFalse() {
        UserId mallory = UserId.random();

        assertThat(active.isActive(session.id(), mallory, T0)).isFalse();
        assertThat(active.isActive(session.id(), alice, T0)).isTrue();
        assertThat(active.isActive(session.id(), mallory, T0)).isFalse();
    }

    @Test
    void revoked_appliesAtOnceWithoutAskingStorage() {
        active.isActive(session.id(), alice, T0);

        active.revoked(session.id());

        assertThat(active.isActive(session.id(), alice, T0.plusSeconds(1))).isFalse();
        assertThat(counted.findsById()).isEqualTo(1);
    }

    @Test
    void aRevocationByAnotherInstance_isNotSeenBeforeTheNextRefresh() {
        active.isActive(session.id(), alice, T0);
        storage.revoke(session.revoke(T0.plusSeconds(10), RevokeReason.REVOKED_BY_USER));

        assertThat(active.isActive(session.id(), alice, T0.plusSeconds(10))).isTrue();
    }

    @Test
    void refresh_appliesRevocationsRecordedByAnotherInstanceWithinTheLookBack() {
        active.isActive(session.id(), alice, T0);
        storage.revoke(session.revoke(T0.plusSeconds(10), RevokeReason.REVOKED_BY_USER));

        active.refresh(T0.plusSeconds(10).plus(LOOK_BACK));

        assertThat(active.isActive(session.id(), alice, T0.plusSeconds(71))).isFalse();
    }

    @Test
    void refresh_ignoresRevocationsOlderThanTheLookBack() {
        active.isActive(session.id(), alice, T0);
        storage.revoke(session.revoke(T0.plusSeconds(10), RevokeReason.REVOKED_BY_USER));

        active.refresh(T0.plusSeconds(10).plus(LOOK_BACK).plusSeconds(1));

        assertThat(active.isActive(session.id(), alice, T0.plusSeconds(71))).isTrue();
    }

    @Test
    void refresh_leavesOtherCachedSessionsActive() {
        Session other = newSession(alice);
        active.isActive(session.id(), alice, T0);
        active.isActive(other.id(), alice, T0);
        storage.revoke(session.revoke(T0.plusSeconds(10), RevokeReason.REVOKED_BY_USER));

        active.refresh(T0.plusSeconds(11));

        assertThat(active.isActive(session.id(), alice, T0.plusSeconds(12))).isFalse();
        assertThat(active.isActive(other.id(), alice, T0.plusSeconds(12))).isTrue();
    }

    @Test
    void aCachedExpiryThatPassed_reloadsAndFindsASessionThatSlidElsewhere() {
        active.isActive(session.id(), alice, T0);
        Instant usedElsewhere = T0.plus(Duration.ofMinutes(30));
        storage.recordUse(session.touch(usedElsewhere, POLICY).orElseThrow());
        Instant afterTheFirstExpiry = T0.plus(Duration.ofMinutes(70));

        assertThat(active.isActive(session.id(), alice, afterTheFirstExpiry)).isTrue();
        assertThat(counted.findsById()).isEqualTo(2);
    }

    @Test
    void aSessionThatReallyExpired_isFalse() {
        active.isActive(session.id(), alice, T0);

        assertThat(active.isActive(session.id(), alice, session.expiresAt())).isFalse();
    }

    @Test
    void theCapacityBound_startsTheCacheAgainAndStillAnswersCorrectly() {
        ActiveSessions small = new ActiveSessions(storage, LOOK_BACK, 2);
        Session second = newSession(alice);
        Session third = newSession(alice);

        small.isActive(session.id(), alice, T0);
        small.isActive(second.id(), alice, T0);
        assertThat(small.size()).isEqualTo(2);

        assertThat(small.isActive(third.id(), alice, T0)).isTrue();
        assertThat(small.size()).isEqualTo(1);
        assertThat(small.isActive(session.id(), alice, T0)).isTrue();
    }

    private Session newSession(UserId user) {
        Session started = Session.start(SessionId.random(), user, SessionToken.generate(RANDOM).hash(),
                ClientInfo.unknown(), T0, POLICY);
        storage.add(started);
        return started;
    }
}
