package dev.authrag.application.auth;

import dev.authrag.application.audit.InMemoryAuditTrail;
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

/** The one way a session ends does all three parts: the store, this instance's memory, and the audit trail. */
class SessionEndingTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final SessionPolicy POLICY = SessionPolicy.standard();

    private final InMemorySessions sessions = new InMemorySessions();
    private final SessionMemory memory = new SessionMemory(sessions, POLICY, Duration.ofMinutes(1), Duration.ofMinutes(10), 100);
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InlineTransactions transactions = new InlineTransactions();
    private final SessionEnding ending = new SessionEnding(sessions, memory, audit, transactions);
    private final Session session = Session.start(SessionId.random(), UserId.random(),
            SessionToken.generate(new SecureRandom()).hash(), ClientInfo.unknown(), T0, POLICY);

    @Test
    void end_storesTheRevocation_refusesTheSessionHere_andRecordsIt() {
        sessions.add(session);

        assertThat(ending.end(session, T0, RevokeReason.REVOKED_BY_USER, ClientInfo.unknown())).isTrue();

        assertThat(sessions.findById(session.id()).orElseThrow().revokedAt()).contains(T0);
        assertThat(memory.knownEnded(session.id(), T0)).isTrue();
        assertThat(audit.all().size()).isEqualTo(1);
    }

    @Test
    void endingTwice_recordsOnce() {
        sessions.add(session);
        ending.end(session, T0, RevokeReason.SIGNED_OUT, ClientInfo.unknown());

        assertThat(ending.end(session, T0, RevokeReason.SIGNED_OUT, ClientInfo.unknown())).isFalse();

        assertThat(audit.all().size()).isEqualTo(1);
    }

    @Test
    void insideATransaction_theMemoryKnowsAtOnce_andTheAuditTrailOnlyAfterTheCommit() {
        sessions.add(session);

        int recordedInside = transactions.inTransaction(() -> {
            ending.end(session, T0, RevokeReason.PASSWORD_CHANGED, ClientInfo.unknown());
            assertThat(memory.knownEnded(session.id(), T0)).isTrue();
            return audit.all().size();
        });

        assertThat(recordedInside).isZero();
        assertThat(audit.all().size()).isEqualTo(1);
    }

    @Test
    void aTransactionThatFails_recordsNothing() {
        sessions.add(session);

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            ending.end(session, T0, RevokeReason.PASSWORD_CHANGED, ClientInfo.unknown());
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");

        assertThat(audit.all().size()).isZero();
    }
}
