package dev.authrag.application.audit;

import dev.authrag.application.audit.AuditTrail.Position;
import dev.authrag.domain.audit.SecurityEvent;
import dev.authrag.domain.audit.SecurityEvent.Type;
import dev.authrag.domain.session.ClientInfo;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link AuditTrail} adapter must do, run against the in-memory fake and the PostgreSQL adapter.
 * Each test uses fresh user ids and a cutoff far in the past or its own era, so tests sharing one store do not
 * see each other's events. Instants are truncated to microseconds, the precision PostgreSQL keeps.
 */
public abstract class AuditTrailContract {

    protected static final Instant T0 = Instant.parse("2025-03-01T09:15:30.123456789Z").truncatedTo(ChronoUnit.MICROS);
    protected static final ClientInfo CLIENT = new ClientInfo("203.0.113.7", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0 — ✓");

    /** The adapter under test; may return the same instance on every call. */
    protected abstract AuditTrail trail();

    @Test
    void record_thenList_returnsEveryFieldAsRecorded() {
        UserId owner = UserId.random();
        SecurityEvent event = SecurityEvent.of(Type.SIGNIN_SUCCESS, T0, CLIENT).withUser(owner)
                .withSession(SessionId.random()).withRequestId("req-7f3a:abc/def");

        trail().record(event);

        assertThat(trail().newestFirst(owner, null, 10)).singleElement().usingRecursiveComparison().isEqualTo(event);
    }

    @Test
    void record_ofAFailureFromAnUnknownClientWithoutARequest_readsBackAsRecorded() {
        UserId owner = UserId.random();
        SecurityEvent event = SecurityEvent.of(Type.SIGNIN_FAILED, T0, ClientInfo.unknown(), "wrong_password").withUser(owner);

        trail().record(event);

        assertThat(trail().newestFirst(owner, null, 10)).singleElement().usingRecursiveComparison().isEqualTo(event);
    }

    @Test
    void record_ofAnIpv6Client_keepsTheAddress() {
        UserId owner = UserId.random();
        SecurityEvent event = SecurityEvent.of(Type.SIGNOUT, T0, new ClientInfo("2001:db8::7", "curl/8.5.0")).withUser(owner);

        trail().record(event);

        assertThat(trail().newestFirst(owner, null, 10)).singleElement()
                .satisfies(found -> assertThat(found.client()).isEqualTo(new ClientInfo("2001:db8::7", "curl/8.5.0")));
    }

    @Test
    void newestFirst_ordersByTimeThenIdDescending_andTieBreaksLikeTheStore() {
        UserId owner = UserId.random();
        List<SecurityEvent> recorded = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            recorded.add(event(owner, T0.plusSeconds(i)));
        }
        // same instant, ids on both sides of the signed/unsigned divide: the order must be the store's, not Java's
        recorded.add(eventWithId(owner, T0.plusSeconds(10), UUID.fromString("80000000-0000-4000-8000-000000000000")));
        recorded.add(eventWithId(owner, T0.plusSeconds(10), UUID.fromString("7fffffff-ffff-4fff-bfff-ffffffffffff")));
        recorded.add(eventWithId(owner, T0.plusSeconds(10), UUID.fromString("00000000-0000-4000-8000-000000000001")));
        recorded.forEach(trail()::record);

        List<UUID> listed = trail().newestFirst(owner, null, 100).stream().map(SecurityEvent::id).toList();

        assertThat(listed).containsExactly(
                UUID.fromString("80000000-0000-4000-8000-000000000000"),
                UUID.fromString("7fffffff-ffff-4fff-bfff-ffffffffffff"),
                UUID.fromString("00000000-0000-4000-8000-000000000001"),
                recorded.get(3).id(), recorded.get(2).id(), recorded.get(1).id(), recorded.get(0).id());
    }

    @Test
    void newestFirst_afterAPosition_resumesStrictlyAfterIt_untilEveryEventWasSeenOnce() {
        UserId owner = UserId.random();
        List<SecurityEvent> recorded = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // pairs share an instant, so pages split ties too
            recorded.add(event(owner, T0.plusSeconds(i / 2)));
        }
        recorded.forEach(trail()::record);
        List<UUID> everything = trail().newestFirst(owner, null, 100).stream().map(SecurityEvent::id).toList();

        List<UUID> paged = new ArrayList<>();
        Position after = null;
        for (int page = 0; page < 10; page++) {
            List<SecurityEvent> events = trail().newestFirst(owner, after, 3);
            events.forEach(event -> paged.add(event.id()));
            if (events.size() < 3) {
                break;
            }
            after = Position.of(events.get(events.size() - 1));
        }

        assertThat(everything).hasSize(7);
        assertThat(paged).containsExactlyElementsOf(everything);
    }

    @Test
    void newestFirst_honoursTheLimit() {
        UserId owner = UserId.random();
        for (int i = 0; i < 5; i++) {
            trail().record(event(owner, T0.plusSeconds(i)));
        }

        assertThat(trail().newestFirst(owner, null, 2)).hasSize(2)
                .extracting(SecurityEvent::occurredAt).containsExactly(T0.plusSeconds(4), T0.plusSeconds(3));
    }

    @Test
    void newestFirst_neverShowsAnotherUsersOrAnAnonymousEvent() {
        UserId alice = UserId.random();
        UserId bob = UserId.random();
        SecurityEvent hers = event(alice, T0);
        trail().record(hers);
        trail().record(event(bob, T0.plusSeconds(1)));
        trail().record(SecurityEvent.of(Type.SIGNIN_FAILED, T0.plusSeconds(2), CLIENT, "unknown_email"));

        assertThat(trail().newestFirst(alice, null, 100)).extracting(SecurityEvent::id).containsExactly(hers.id());
    }

    @Test
    void newestFirst_ofAUserWithoutEvents_isEmpty() {
        assertThat(trail().newestFirst(UserId.random(), null, 10)).isEmpty();
    }

    @Test
    void forgetBefore_deletesOnlyOlderEvents_atMostABatchAtATime() {
        Instant era = T0.minus(Duration.ofDays(3650));
        UserId owner = UserId.random();
        for (int i = 0; i < 5; i++) {
            trail().record(event(owner, era.minusSeconds(i + 1)));
        }
        SecurityEvent atCutoff = event(owner, era);
        SecurityEvent newer = event(owner, era.plusSeconds(1));
        trail().record(atCutoff);
        trail().record(newer);

        assertThat(trail().forgetBefore(era, 3)).isEqualTo(3);
        assertThat(trail().forgetBefore(era, 3)).isEqualTo(2);
        assertThat(trail().forgetBefore(era, 3)).isZero();

        assertThat(trail().newestFirst(owner, null, 100)).extracting(SecurityEvent::id)
                .containsExactly(newer.id(), atCutoff.id());
    }

    protected static SecurityEvent event(UserId owner, Instant at) {
        return SecurityEvent.of(Type.SIGNIN_SUCCESS, at, CLIENT).withUser(owner);
    }

    private static SecurityEvent eventWithId(UserId owner, Instant at, UUID id) {
        return new SecurityEvent(id, at, Type.SIGNOUT, null, owner, null, CLIENT, null);
    }
}
