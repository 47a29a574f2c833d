package dev.authrag.application.token;

import dev.authrag.application.auth.ActiveSessions;
import dev.authrag.application.auth.InMemorySessions;
import dev.authrag.domain.session.ClientInfo;
import dev.authrag.domain.session.RevokeReason;
import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.SessionLimit;
import dev.authrag.domain.session.SessionPolicy;
import dev.authrag.domain.session.SessionToken;
import dev.authrag.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RevocationAwareSessionsTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final SessionPolicy POLICY = new SessionPolicy(Duration.ofHours(1), Duration.ofHours(8), Duration.ofMinutes(5));

    private final InMemorySessions storage = new InMemorySessions();
    private final ActiveSessions active = new ActiveSessions(storage, Duration.ofMinutes(1), 100);
    private final RevocationAwareSessions sessions = new RevocationAwareSessions(storage, active);
    private final UserId alice = UserId.random();
    private final SessionToken token = SessionToken.generate(new SecureRandom());
    private final Session session = Session.start(SessionId.random(), alice, token.hash(), ClientInfo.unknown(), T0, POLICY);

    @BeforeEach
    void storeTheSession() {
        sessions.add(session);
    }

    @Test
    void revoke_storesTheRevocationAndTellsTheCacheAtOnce() {
        assertThat(active.isActive(session.id(), alice, T0)).isTrue();

        assertThat(sessions.revoke(session.revoke(T0.plusSeconds(1), RevokeReason.SIGNED_OUT))).isTrue();

        assertThat(storage.findById(session.id()).orElseThrow().revokedAt()).contains(T0.plusSeconds(1));
        assertThat(active.isActive(session.id(), alice, T0.plusSeconds(2))).isFalse();
    }

    @Test
    void revoke_ofAnAlreadyRevokedSession_reportsNoChangeAndStaysRevoked() {
        active.isActive(session.id(), alice, T0);
        storage.revoke(session.revoke(T0.plusSeconds(1), RevokeReason.REVOKED_BY_USER));

        assertThat(sessions.revoke(session.revoke(T0.plusSeconds(2), RevokeReason.SIGNED_OUT))).isFalse();

        assertThat(active.isActive(session.id(), alice, T0.plusSeconds(3))).isFalse();
    }

    @Test
    void readsAndWrites_passThroughToStorage() {
        assertThat(storage.size()).isEqualTo(1);
        assertThat(sessions.findById(session.id())).isPresent();
        assertThat(sessions.findByTokenHash(token.hash())).map(Session::id).contains(session.id());

        Session touched = session.touch(T0.plus(Duration.ofMinutes(10)), POLICY).orElseThrow();
        sessions.recordUse(touched);

        assertThat(storage.recordedUses()).isEqualTo(1);
        assertThat(storage.findById(session.id()).orElseThrow().idleExpiresAt()).isEqualTo(touched.idleExpiresAt());
    }

    @Test
    void addWithinLimit_tellsTheCacheAboutTheSessionsItRevokedAtOnce() {
        assertThat(active.isActive(session.id(), alice, T0)).isTrue();
        Session newer = Session.start(SessionId.random(), alice, SessionToken.generate(new SecureRandom()).hash(),
                ClientInfo.unknown(), T0.plusSeconds(1), POLICY);

        assertThat(sessions.addWithinLimit(newer, new SessionLimit(1))).containsExactly(session.id());

        assertThat(active.isActive(session.id(), alice, T0.plusSeconds(2))).isFalse();
        assertThat(active.isActive(newer.id(), alice, T0.plusSeconds(2))).isTrue();
    }

    @Test
    void revokeOthers_tellsTheCacheAboutTheSessionsItRevokedAtOnce() {
        assertThat(active.isActive(session.id(), alice, T0)).isTrue();

        assertThat(sessions.revokeOthers(alice, SessionId.random(), T0.plusSeconds(1), RevokeReason.OTHERS_REVOKED))
                .containsExactly(session.id());

        assertThat(active.isActive(session.id(), alice, T0.plusSeconds(2))).isFalse();
    }

    @Test
    void revokedSince_isTheStoragesAnswer() {
        sessions.revoke(session.revoke(T0.plusSeconds(1), RevokeReason.SIGNED_OUT));

        assertThat(sessions.revokedSince(T0)).containsExactly(session.id());
        assertThat(sessions.revokedSince(T0.plusSeconds(2))).isEmpty();
    }
}
