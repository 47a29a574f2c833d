package dev.authrag.domain.session;

import dev.authrag.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final Duration IDLE = Duration.ofHours(1);
    private static final Duration ABSOLUTE = Duration.ofHours(8);
    private static final Duration UPDATE_AGE = Duration.ofMinutes(5);
    private static final SessionPolicy POLICY = new SessionPolicy(IDLE, ABSOLUTE, UPDATE_AGE);

    private static final SessionId ID = new SessionId(UUID.fromString("0b6e2f0a-6a8e-4c1b-9d59-6f1c2d3e4f50"));
    private static final UserId USER = new UserId(UUID.fromString("5f0c7a3e-1b2d-4c5e-8f90-123456789abc"));
    private static final TokenHash HASH = new TokenHash("a".repeat(64));
    private static final ClientInfo CLIENT = new ClientInfo("203.0.113.7", "curl/8.5.0");

    private final Session fresh = Session.start(ID, USER, HASH, CLIENT, T0, POLICY);

    @Test
    void start_opensAnUnrevokedSessionUsedNow() {
        assertThat(fresh.id()).isEqualTo(ID);
        assertThat(fresh.userId()).isEqualTo(USER);
        assertThat(fresh.tokenHash()).isEqualTo(HASH);
        assertThat(fresh.client()).isEqualTo(CLIENT);
        assertThat(fresh.createdAt()).isEqualTo(T0);
        assertThat(fresh.lastUsedAt()).isEqualTo(T0);
        assertThat(fresh.revokedAt()).isEmpty();
        assertThat(fresh.revokeReason()).isEmpty();
    }

    @Test
    void start_setsIdleExpiryToNowPlusTheIdleTimeout() {
        assertThat(fresh.idleExpiresAt()).isEqualTo(T0.plus(IDLE));
        assertThat(fresh.absoluteExpiresAt()).isEqualTo(T0.plus(ABSOLUTE));
        assertThat(fresh.expiresAt()).isEqualTo(T0.plus(IDLE));
    }

    @Test
    void start_neverSetsTheIdleExpiryPastTheAbsoluteOne() {
        SessionPolicy tight = new SessionPolicy(IDLE, IDLE, Duration.ZERO);

        Session session = Session.start(ID, USER, HASH, CLIENT, T0, tight);

        assertThat(session.idleExpiresAt()).isEqualTo(session.absoluteExpiresAt()).isEqualTo(T0.plus(IDLE));
    }

    @Test
    void start_withoutClientInfo_recordsAnUnknownClient() {
        assertThat(Session.start(ID, USER, HASH, null, T0, POLICY).client()).isEqualTo(ClientInfo.unknown());
    }

    @Test
    void isActiveAt_justBeforeTheIdleExpiry_isTrue() {
        assertThat(fresh.isActiveAt(T0)).isTrue();
        assertThat(fresh.isActiveAt(T0.plus(IDLE).minusNanos(1))).isTrue();
    }

    @Test
    void isActiveAt_theIdleExpiry_isFalse() {
        assertThat(fresh.isActiveAt(T0.plus(IDLE))).isFalse();
    }

    @Test
    void isActiveAt_afterTheIdleExpiry_isFalse() {
        assertThat(fresh.isActiveAt(T0.plus(IDLE).plusSeconds(1))).isFalse();
    }

    @Test
    void isActiveAt_theAbsoluteExpiry_isFalseEvenIfTheIdleExpiryIsLater() {
        Session stored = Session.restore(ID, USER, HASH, T0, T0, T0.plus(Duration.ofDays(1)), T0.plus(ABSOLUTE),
                null, null, CLIENT);

        assertThat(stored.isActiveAt(T0.plus(ABSOLUTE).minusNanos(1))).isTrue();
        assertThat(stored.isActiveAt(T0.plus(ABSOLUTE))).isFalse();
        assertThat(stored.expiresAt()).isEqualTo(T0.plus(ABSOLUTE));
    }

    @Test
    void isActiveAt_afterRevocation_isFalseThoughNotExpired() {
        Session revoked = fresh.revoke(T0.plusSeconds(10), RevokeReason.SIGNED_OUT);

        assertThat(revoked.isActiveAt(T0.plusSeconds(11))).isFalse();
    }

    @Test
    void touch_beforeTheUpdateAge_writesNothing() {
        assertThat(fresh.touch(T0, POLICY)).isEmpty();
        assertThat(fresh.touch(T0.plus(UPDATE_AGE).minusNanos(1), POLICY)).isEmpty();
    }

    @Test
    void touch_onceTheUpdateAgeHasPassed_slidesTheIdleExpiry() {
        Instant now = T0.plus(UPDATE_AGE);

        Session touched = fresh.touch(now, POLICY).orElseThrow();

        assertThat(touched.lastUsedAt()).isEqualTo(now);
        assertThat(touched.idleExpiresAt()).isEqualTo(now.plus(IDLE));
        assertThat(touched.isActiveAt(T0.plus(IDLE))).as("alive past the original idle expiry").isTrue();
    }

    @Test
    void touch_keepsIdentityCreationAbsoluteExpiryAndClient() {
        Session touched = fresh.touch(T0.plus(Duration.ofMinutes(30)), POLICY).orElseThrow();

        assertThat(touched.id()).isEqualTo(ID);
        assertThat(touched.userId()).isEqualTo(USER);
        assertThat(touched.tokenHash()).isEqualTo(HASH);
        assertThat(touched.createdAt()).isEqualTo(T0);
        assertThat(touched.absoluteExpiresAt()).isEqualTo(T0.plus(ABSOLUTE));
        assertThat(touched.client()).isEqualTo(CLIENT);
        assertThat(touched.revokedAt()).isEmpty();
    }

    @Test
    void touch_doesNotChangeTheOriginal() {
        fresh.touch(T0.plus(Duration.ofMinutes(30)), POLICY);

        assertThat(fresh.lastUsedAt()).isEqualTo(T0);
        assertThat(fresh.idleExpiresAt()).isEqualTo(T0.plus(IDLE));
    }

    @Test
    void touch_nearTheEnd_neverSlidesPastTheAbsoluteExpiry() {
        Session session = fresh;
        for (Duration elapsed = Duration.ofMinutes(30); elapsed.compareTo(ABSOLUTE) < 0; elapsed = elapsed.plusMinutes(30)) {
            Instant now = T0.plus(elapsed);
            session = session.touch(now, POLICY).orElseThrow();
            assertThat(session.idleExpiresAt()).isBeforeOrEqualTo(T0.plus(ABSOLUTE));
        }

        assertThat(session.lastUsedAt()).isEqualTo(T0.plus(Duration.ofMinutes(450)));
        assertThat(session.idleExpiresAt()).isEqualTo(T0.plus(ABSOLUTE));
        assertThat(session.isActiveAt(T0.plus(ABSOLUTE))).as("used all along, still ends on time").isFalse();
    }

    @Test
    void touch_ofAnExpiredSession_isEmpty() {
        assertThat(fresh.touch(T0.plus(IDLE), POLICY)).isEmpty();
        assertThat(fresh.touch(T0.plus(ABSOLUTE).plusSeconds(1), POLICY)).isEmpty();
    }

    @Test
    void touch_ofARevokedSession_isEmpty() {
        Session revoked = fresh.revoke(T0.plusSeconds(1), RevokeReason.REVOKED_BY_USER);

        assertThat(revoked.touch(T0.plus(Duration.ofMinutes(30)), POLICY)).isEmpty();
    }

    @Test
    void touch_withAZeroUpdateAge_recordsEveryUse() {
        SessionPolicy eager = new SessionPolicy(IDLE, ABSOLUTE, Duration.ZERO);
        Session session = Session.start(ID, USER, HASH, CLIENT, T0, eager);

        Optional<Session> touched = session.touch(T0.plusMillis(1), eager);

        assertThat(touched).map(Session::lastUsedAt).contains(T0.plusMillis(1));
    }

    @Test
    void revoke_recordsWhenAndWhy() {
        Instant when = T0.plusSeconds(90);

        Session revoked = fresh.revoke(when, RevokeReason.SIGNED_OUT);

        assertThat(revoked.revokedAt()).contains(when);
        assertThat(revoked.revokeReason()).contains(RevokeReason.SIGNED_OUT);
        assertThat(revoked.lastUsedAt()).isEqualTo(T0);
        assertThat(revoked.idleExpiresAt()).isEqualTo(T0.plus(IDLE));
        assertThat(fresh.revokedAt()).as("the original is unchanged").isEmpty();
    }

    @Test
    void revoke_twice_keepsTheFirstRevocation() {
        Session first = fresh.revoke(T0.plusSeconds(90), RevokeReason.SIGNED_OUT);

        Session second = first.revoke(T0.plusSeconds(200), RevokeReason.PASSWORD_CHANGED);

        assertThat(second.revokedAt()).contains(T0.plusSeconds(90));
        assertThat(second.revokeReason()).contains(RevokeReason.SIGNED_OUT);
    }

    @Test
    void revoke_withoutAReason_isRejected() {
        assertThatThrownBy(() -> fresh.revoke(T0, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void isOwnedBy_tellsTheOwnerApart() {
        assertThat(fresh.isOwnedBy(USER)).isTrue();
        assertThat(fresh.isOwnedBy(UserId.random())).isFalse();
    }

    @Test
    void restore_keepsEveryFieldAsStored() {
        Instant revokedAt = T0.plusSeconds(5);
        Session stored = Session.restore(ID, USER, HASH, T0, T0.plusSeconds(1), T0.plus(IDLE), T0.plus(ABSOLUTE),
                revokedAt, RevokeReason.OTHERS_REVOKED, CLIENT);

        assertThat(stored.lastUsedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(stored.revokedAt()).contains(revokedAt);
        assertThat(stored.revokeReason()).contains(RevokeReason.OTHERS_REVOKED);
        assertThat(stored.client()).isEqualTo(CLIENT);
    }

    @Test
    void ids_rejectNull() {
        assertThatThrownBy(() -> new SessionId(null)).isInstanceOf(NullPointerException.class);
        assertThat(SessionId.random()).isNotEqualTo(SessionId.random());
    }

    @Test
    void hasEndedBefore_isFalseWhileActiveAndUntilTheExpiryHasPassedTheCutoff() {
        assertThat(fresh.hasEndedBefore(T0.plus(IDLE).minusNanos(1))).isFalse();
        assertThat(fresh.hasEndedBefore(T0.plus(IDLE))).as("expiring exactly at the cutoff is not before it").isFalse();
        assertThat(fresh.hasEndedBefore(T0.plus(IDLE).plusNanos(1))).isTrue();
    }

    @Test
    void hasEndedBefore_countsARevocationBeforeTheCutoff() {
        Session revoked = fresh.revoke(T0.plusSeconds(60), RevokeReason.SIGNED_OUT);

        assertThat(revoked.hasEndedBefore(T0.plusSeconds(60))).isFalse();
        assertThat(revoked.hasEndedBefore(T0.plusSeconds(61))).isTrue();
    }

    @Test
    void hasEndedBefore_usesTheAbsoluteExpiryWhenItComesFirst() {
        Session restored = Session.restore(ID, USER, HASH, T0, T0, T0.plus(ABSOLUTE).plusSeconds(1), T0.plus(ABSOLUTE),
                null, null, CLIENT);

        assertThat(restored.hasEndedBefore(T0.plus(ABSOLUTE).plusNanos(1))).isTrue();
    }
}
