package dev.authrag.application.audit;

import dev.authrag.application.audit.AuditTrail.Position;
import dev.authrag.application.audit.ListSecurityEvents.Page;
import dev.authrag.application.audit.ListSecurityEvents.Query;
import dev.authrag.domain.audit.SecurityEvent;
import dev.authrag.domain.audit.SecurityEvent.Type;
import dev.authrag.domain.session.ClientInfo;
import dev.authrag.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListSecurityEventsServiceTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final ClientInfo CLIENT = new ClientInfo("203.0.113.7", "curl/8.5.0");

    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final ListSecurityEvents list = new ListSecurityEventsService(trail);
    private final UserId alice = UserId.random();

    @Test
    void aFullPage_pointsToTheNextOne_andTheLastPageToNone() {
        List<SecurityEvent> recorded = recordEvents(5);

        Page first = list.list(new Query(alice, 2, null));
        Page second = list.list(new Query(alice, 2, first.next().orElseThrow()));
        Page third = list.list(new Query(alice, 2, second.next().orElseThrow()));

        assertThat(first.events()).extracting(SecurityEvent::id).containsExactly(recorded.get(4).id(), recorded.get(3).id());
        assertThat(first.next()).contains(Position.of(recorded.get(3)));
        assertThat(second.events()).extracting(SecurityEvent::id).containsExactly(recorded.get(2).id(), recorded.get(1).id());
        assertThat(third.events()).extracting(SecurityEvent::id).containsExactly(recorded.get(0).id());
        assertThat(third.next()).isEmpty();
    }

    @Test
    void aPageThatEndsExactlyWithTheLastEvent_pointsToNone() {
        recordEvents(4);

        Page first = list.list(new Query(alice, 2, null));
        Page second = list.list(new Query(alice, 2, first.next().orElseThrow()));

        assertThat(second.events()).hasSize(2);
        assertThat(second.next()).as("no empty page to fetch after the last one").isEmpty();
    }

    @Test
    void aUserWithoutEvents_getsAnEmptyPage() {
        Page page = list.list(new Query(UserId.random(), ListSecurityEvents.DEFAULT_LIMIT, null));

        assertThat(page.events()).isEmpty();
        assertThat(page.next()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, ListSecurityEvents.MAX_LIMIT + 1})
    void aLimitOutside1To100_isRejected(int limit) {
        assertThatThrownBy(() -> new Query(alice, limit, null)).isInstanceOf(IllegalArgumentException.class);
    }

    private List<SecurityEvent> recordEvents(int count) {
        List<SecurityEvent> recorded = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SecurityEvent event = SecurityEvent.of(Type.SIGNIN_SUCCESS, T0.plusSeconds(i), CLIENT).withUser(alice);
            trail.record(event);
            recorded.add(event);
        }
        return recorded;
    }
}
