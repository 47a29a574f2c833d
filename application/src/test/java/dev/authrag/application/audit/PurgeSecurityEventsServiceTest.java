package dev.authrag.application.audit;

import dev.authrag.application.auth.MutableClock;
import dev.authrag.domain.audit.SecurityEvent;
import dev.authrag.domain.audit.SecurityEvent.Type;
import dev.authrag.domain.session.ClientInfo;
import dev.authrag.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PurgeSecurityEventsServiceTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(90);

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final UserId alice = UserId.random();

    @Test
    void purge_deletesEveryEventOlderThanTheRetention_acrossSeveralBatches() {
        for (int i = 0; i < 7; i++) {
            record(T0.minus(RETENTION).minusSeconds(i + 1));
        }
        SecurityEvent justInside = record(T0.minus(RETENTION));
        SecurityEvent recent = record(T0.minusSeconds(5));

        int deleted = new PurgeSecurityEventsService(trail, RETENTION, clock, 3).purge();

        assertThat(deleted).isEqualTo(7);
        assertThat(trail.all()).extracting(SecurityEvent::id).containsExactly(justInside.id(), recent.id());
    }

    @Test
    void purge_measuresTheRetentionFromTheClocksNow() {
        SecurityEvent event = record(T0);
        PurgeSecurityEvents purge = new PurgeSecurityEventsService(trail, RETENTION, clock, 100);

        clock.advance(RETENTION);
        assertThat(purge.purge()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(purge.purge()).isEqualTo(1);

        assertThat(trail.all()).doesNotContain(event);
    }

    @Test
    void aRetentionOrBatchThatIsNotPositive_isRejected() {
        assertThatThrownBy(() -> new PurgeSecurityEventsService(trail, Duration.ZERO, clock, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PurgeSecurityEventsService(trail, RETENTION, clock, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private SecurityEvent record(Instant at) {
        SecurityEvent event = SecurityEvent.of(Type.SIGNOUT, at, ClientInfo.unknown()).withUser(alice);
        trail.record(event);
        return event;
    }
}
