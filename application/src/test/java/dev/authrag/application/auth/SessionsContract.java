package dev.authrag.application.auth;

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
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link Sessions} adapter must do, run against the in-memory fake and the PostgreSQL adapter.
 * Sessions belong to a user stored first through {@link #users()}. Lookups return sessions whatever their
 * state: whether one is still active is the domain's decision, not the store's. Instants are truncated
 * to microseconds, the precision PostgreSQL keeps.
 */
public abstract class SessionsContract {

    protected static final Instant T0 = Instant.parse("2025-03-01T09:15:30.123456789Z").truncatedTo(ChronoUnit.MICROS);
    protected static final SessionPolicy POLICY = SessionPolicy.standard();
    protected static final ClientInfo CLIENT = new ClientInfo("203.0.113.7", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0 — ✓");

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The store that owns the accounts sessions refer to; may return the same instance on every call. */
    protected abstract Users users();

    /** The adapter under test; may return the same instance on every call. */
    protected abstract Sessions sessions();

    @Test
    void add_thenFindByTokenHash_returnsEveryFieldAsStored() {
        Session session = aSession(aStoredUser(), CLIENT);

        sessions().add(session);

        assertThat(sessions().findByTokenHash(session.tokenHash())).get().usingRecursiveComparison().isEqualTo(session);
    }

    @Test
    void add_thenFindById_returnsEveryFieldAsStored() {
        Session session = aSession(aStoredUser(), CLIENT);

        sessions().add(session);

        assertThat(sessions().findById(session.id())).get().usingRecursiveComparison().isEqualTo(session);
    }

    @Test
    void add_ofASessionFromAnUnknownClient_readsBackAsUnknown() {
        Session session = aSession(aStoredUser(), ClientInfo.unknown());

        sessions().add(session);

        assertThat(sessions().findById(session.id())).get()
                .satisfies(found -> assertThat(found.client()).isEqualTo(ClientInfo.unknown()));
    }

    @Test
    void add_ofASessionFromAnIpv6Client_keepsTheAddress() {
        Session session = aSession(aStoredUser(), new ClientInfo("2001:db8::7", "curl/8.5.0"));

        sessions().add(session);

        assertThat(sessions().findById(session.id())).get()
                .satisfies(found -> assertThat(found.client()).isEqualTo(new ClientInfo("2001:db8::7", "curl/8.5.0")));
    }

    @Test
    void add_ofSeveralSessionsOfOneUser_keepsThemApart() {
        User user = aStoredUser();
        Session laptop = aSession(user, CLIENT);
        Session phone = aSession(user, new ClientInfo("198.51.100.4", "Phone"));

        sessions().add(laptop);
        sessions().add(phone);

        assertThat(sessions().findByTokenHash(laptop.tokenHash())).get().extracting(Session::id).isEqualTo(laptop.id());
        assertThat(sessions().findByTokenHash(phone.tokenHash())).get().extracting(Session::id).isEqualTo(phone.id());
    }

    @Test
    void findByTokenHash_ofAnUnknownHash_isEmpty() {
        assertThat(sessions().findByTokenHash(SessionToken.generate(RANDOM).hash())).isEmpty();
    }

    @Test
    void findById_ofAnUnknownId_isEmpty() {
        assertThat(sessions().findById(SessionId.random())).isEmpty();
    }

    @Test
    void findByTokenHash_ofAnExpiredSession_stillFindsIt() {
        Session session = aSession(aStoredUser(), CLIENT);
        sessions().add(session);

        assertThat(sessions().findByTokenHash(session.tokenHash())).get()
                .satisfies(found -> assertThat(found.isActiveAt(T0.plus(Duration.ofDays(365)))).isFalse());
    }

    @Test
    void recordUse_storesTheLastUseAndTheSlidIdleExpiry() {
        Session session = aSession(aStoredUser(), CLIENT);
        sessions().add(session);
        Session touched = session.touch(session.lastUsedAt().plus(Duration.ofDays(2)).plusNanos(3_000), POLICY).orElseThrow();

        sessions().recordUse(touched);

        assertThat(sessions().findById(session.id())).get().usingRecursiveComparison().isEqualTo(touched);
        assertThat(sessions().findByTokenHash(session.tokenHash())).get().usingRecursiveComparison().isEqualTo(touched);
    }

    @Test
    void recordUse_afterARevocation_doesNotReviveTheSession() {
        Session session = aSession(aStoredUser(), CLIENT);
        sessions().add(session);
        Session touched = session.touch(session.lastUsedAt().plus(Duration.ofDays(2)), POLICY).orElseThrow();
        Session revoked = session.revoke(T0.plus(Duration.ofDays(1)), RevokeReason.REVOKED_BY_USER);
        sessions().revoke(revoked);

        sessions().recordUse(touched);

        assertThat(sessions().findById(session.id())).get().satisfies(found -> {
            assertThat(found.revokedAt()).contains(T0.plus(Duration.ofDays(1)));
            assertThat(found.revokeReason()).contains(RevokeReason.REVOKED_BY_USER);
        });
    }

    @Test
    void revoke_storesWhenAndWhyAndNothingElse() {
        Session session = aSession(aStoredUser(), CLIENT);
        sessions().add(session);
        Session revoked = session.revoke(T0.plus(Duration.ofHours(3)).plusNanos(42_000), RevokeReason.SIGNED_OUT);

        assertThat(sessions().revoke(revoked)).isTrue();

        assertThat(sessions().findById(session.id())).get().usingRecursiveComparison().isEqualTo(revoked);
    }

    @Test
    void revoke_returnsTrueOnceThenFalseAndKeepsTheFirstRevocation() {
        Session session = aSession(aStoredUser(), CLIENT);
        sessions().add(session);
        Session first = session.revoke(T0.plus(Duration.ofHours(1)), RevokeReason.SIGNED_OUT);
        Session second = session.revoke(T0.plus(Duration.ofHours(2)), RevokeReason.PASSWORD_CHANGED);

        assertThat(sessions().revoke(first)).isTrue();
        assertThat(sessions().revoke(second)).isFalse();
        assertThat(sessions().revoke(first)).isFalse();

        assertThat(sessions().findById(session.id())).get().usingRecursiveComparison().isEqualTo(first);
    }

    @Test
    void revokedSince_listsSessionsRevokedFromThatMomentOnly() {
        User user = aStoredUser();
        Session early = aSession(user, CLIENT);
        Session late = aSession(user, CLIENT);
        Session live = aSession(user, CLIENT);
        sessions().add(early);
        sessions().add(late);
        sessions().add(live);
        Instant cut = Instant.parse("2099-01-01T00:00:00Z");
        sessions().revoke(early.revoke(cut.minusSeconds(1), RevokeReason.SIGNED_OUT));
        sessions().revoke(late.revoke(cut, RevokeReason.REVOKED_BY_USER));

        assertThat(sessions().revokedSince(cut)).contains(late.id()).doesNotContain(early.id(), live.id());
        assertThat(sessions().revokedSince(cut.minusSeconds(1))).contains(early.id(), late.id()).doesNotContain(live.id());
    }

    @Test
    void revoke_ofOneSession_leavesTheUsersOtherSessionsAlone() {
        User user = aStoredUser();
        Session laptop = aSession(user, CLIENT);
        Session phone = aSession(user, CLIENT);
        sessions().add(laptop);
        sessions().add(phone);

        sessions().revoke(laptop.revoke(T0.plus(Duration.ofHours(1)), RevokeReason.SIGNED_OUT));

        assertThat(sessions().findById(phone.id())).get().usingRecursiveComparison().isEqualTo(phone);
    }

    /** A freshly stored account for sessions to belong to. */
    protected User aStoredUser() {
        User user = User.restore(UserId.random(), Email.of("owner-" + UUID.randomUUID() + "@example.com"), "Owner",
                new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"), T0, T0);
        assertThat(users().add(user)).isTrue();
        return user;
    }

    /** A session whose timestamps all differ, so a swapped column shows. */
    protected static Session aSession(User owner, ClientInfo client) {
        Instant lastUsed = T0.plus(Duration.ofMinutes(90)).plusNanos(5_000);
        return Session.restore(SessionId.random(), owner.id(), SessionToken.generate(RANDOM).hash(), T0, lastUsed,
                lastUsed.plus(POLICY.idleTimeout()), T0.plus(POLICY.absoluteLifetime()), null, null, client);
    }
}
