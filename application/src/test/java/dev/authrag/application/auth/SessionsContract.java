package dev.authrag.application.auth;

import dev.authrag.domain.session.ClientInfo;
import dev.authrag.domain.session.RevokeReason;
import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.SessionLimit;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

    /**
     * Measured on the store's clock, not on the revocation's instant: a session revoked "a year ago" by an instance whose
     * clock is off is still a recent revocation for every poll.
     */
    @Test
    void revokedWithin_listsSessionsTheStoreRecordedRevokingJustNow_whateverTheirRevocationInstant() {
        User user = aStoredUser();
        Session bySkewedInstance = aSession(user, CLIENT);
        Session byOthers = aSession(user, CLIENT);
        Session live = aSession(user, CLIENT);
        Session viaBulk = aSessionStartedAt(user, T0);
        Session kept = aSessionStartedAt(user, T0.plusSeconds(1));
        for (Session session : List.of(bySkewedInstance, byOthers, live, viaBulk, kept)) {
            sessions().add(session);
        }
        sessions().revoke(bySkewedInstance.revoke(T0.minus(Duration.ofDays(365)), RevokeReason.SIGNED_OUT));
        sessions().revoke(byOthers.revoke(Instant.parse("2099-01-01T00:00:00Z"), RevokeReason.REVOKED_BY_USER));
        sessions().revokeOthers(user.id(), kept.id(), T0.plusSeconds(2), RevokeReason.OTHERS_REVOKED);

        assertThat(sessions().revokedWithin(Duration.ofMinutes(1)))
                .contains(bySkewedInstance.id(), byOthers.id(), viaBulk.id(), live.id())
                .doesNotContain(kept.id());
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

    @Test
    void activeOf_returnsOnlyTheUsersActiveSessionsNewestFirst() {
        User user = aStoredUser();
        Session oldest = aSessionStartedAt(user, T0);
        Session middle = aSessionStartedAt(user, T0.plus(Duration.ofHours(1)));
        Session newest = aSessionStartedAt(user, T0.plus(Duration.ofHours(2)));
        Session revoked = aSessionStartedAt(user, T0.plus(Duration.ofHours(3)));
        Session someoneElses = aSessionStartedAt(aStoredUser(), T0.plus(Duration.ofHours(4)));
        for (Session session : List.of(middle, newest, oldest, revoked, someoneElses)) {
            sessions().add(session);
        }
        sessions().revoke(revoked.revoke(T0.plus(Duration.ofHours(5)), RevokeReason.SIGNED_OUT));

        List<Session> active = sessions().activeOf(user.id(), T0.plus(Duration.ofHours(6)));

        assertThat(active).extracting(Session::id).containsExactly(newest.id(), middle.id(), oldest.id());
        assertThat(active.get(0)).usingRecursiveComparison().isEqualTo(newest);
    }

    @Test
    void activeOf_leavesOutASessionFromTheMomentItsIdleOrAbsoluteExpiryIsReached() {
        User user = aStoredUser();
        Session idle = aSession(user, CLIENT);
        Session absolute = Session.restore(SessionId.random(), user.id(), SessionToken.generate(RANDOM).hash(), T0, T0,
                T0.plus(Duration.ofDays(2)), T0.plus(Duration.ofDays(1)), null, null, CLIENT);
        sessions().add(idle);
        sessions().add(absolute);

        assertThat(sessions().activeOf(user.id(), T0.plus(Duration.ofDays(1)).minusNanos(1_000)))
                .extracting(Session::id).containsExactlyInAnyOrder(idle.id(), absolute.id());
        assertThat(sessions().activeOf(user.id(), T0.plus(Duration.ofDays(1))))
                .extracting(Session::id).containsExactly(idle.id());
        assertThat(sessions().activeOf(user.id(), idle.idleExpiresAt().minusNanos(1_000)))
                .extracting(Session::id).containsExactly(idle.id());
        assertThat(sessions().activeOf(user.id(), idle.idleExpiresAt())).isEmpty();
    }

    @Test
    void activeOf_aUserWithoutSessions_isEmpty() {
        assertThat(sessions().activeOf(aStoredUser().id(), T0)).isEmpty();
    }

    @Test
    void addWithinLimit_belowTheLimit_storesTheSessionAndRevokesNothing() {
        User user = aStoredUser();
        sessions().add(aSessionStartedAt(user, T0));
        Session added = aSessionStartedAt(user, T0.plusSeconds(1));

        List<SessionId> revoked = sessions().addWithinLimit(added, new SessionLimit(2));

        assertThat(revoked).isEmpty();
        assertThat(sessions().findById(added.id())).get().usingRecursiveComparison().isEqualTo(added);
        assertThat(sessions().activeOf(user.id(), T0.plusSeconds(2))).hasSize(2);
    }

    @Test
    void addWithinLimit_atTheLimit_revokesTheOldestActiveSessionsForTheSessionLimit() {
        User user = aStoredUser();
        Session first = aSessionStartedAt(user, T0);
        Session second = aSessionStartedAt(user, T0.plusSeconds(1));
        Session third = aSessionStartedAt(user, T0.plusSeconds(2));
        for (Session session : List.of(second, first, third)) {
            sessions().add(session);
        }
        Session added = aSessionStartedAt(user, T0.plusSeconds(3));

        List<SessionId> revoked = sessions().addWithinLimit(added, new SessionLimit(2));

        assertThat(revoked).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(sessions().findById(first.id())).get().usingRecursiveComparison()
                .isEqualTo(first.revoke(added.createdAt(), RevokeReason.SESSION_LIMIT));
        assertThat(sessions().activeOf(user.id(), T0.plusSeconds(4))).extracting(Session::id)
                .containsExactly(added.id(), third.id());
    }

    @Test
    void addWithinLimit_countsNeitherRevokedNorExpiredSessionsNorOtherUsers() {
        User user = aStoredUser();
        Session expired = Session.start(SessionId.random(), user.id(), SessionToken.generate(RANDOM).hash(), CLIENT,
                T0.minus(POLICY.absoluteLifetime()), POLICY);
        Session signedOut = aSessionStartedAt(user, T0);
        Session active = aSessionStartedAt(user, T0.plusSeconds(1));
        Session someoneElses = aSessionStartedAt(aStoredUser(), T0.plusSeconds(2));
        for (Session session : List.of(expired, signedOut, active, someoneElses)) {
            sessions().add(session);
        }
        sessions().revoke(signedOut.revoke(T0.plusSeconds(5), RevokeReason.SIGNED_OUT));

        List<SessionId> revoked = sessions().addWithinLimit(aSessionStartedAt(user, T0.plusSeconds(10)), new SessionLimit(2));

        assertThat(revoked).isEmpty();
        assertThat(sessions().findById(signedOut.id())).get()
                .satisfies(found -> assertThat(found.revokeReason()).contains(RevokeReason.SIGNED_OUT));
        assertThat(sessions().findById(expired.id())).get()
                .satisfies(found -> assertThat(found.revokedAt()).isEmpty());
        assertThat(sessions().findById(someoneElses.id())).get().usingRecursiveComparison().isEqualTo(someoneElses);
    }

    @Test
    void addWithinLimit_neverRevokesTheNewSessionItself() {
        User user = aStoredUser();
        Session startedLater = aSessionStartedAt(user, T0.plusSeconds(60));
        sessions().add(startedLater);
        Session added = aSessionStartedAt(user, T0);

        List<SessionId> revoked = sessions().addWithinLimit(added, new SessionLimit(1));

        assertThat(revoked).containsExactly(startedLater.id());
        assertThat(sessions().activeOf(user.id(), T0.plusSeconds(61))).extracting(Session::id).containsExactly(added.id());
    }

    @Test
    void addWithinLimit_fromConcurrentSignIns_neverLeavesMoreThanTheLimitActive() throws Exception {
        User user = aStoredUser();
        int threads = 8;
        int perThread = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        sessions().addWithinLimit(aSessionStartedAt(user, T0.plusNanos((thread * perThread + i) * 1_000L)),
                                new SessionLimit(5));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(sessions().activeOf(user.id(), T0.plusSeconds(1))).hasSize(5);
    }

    @Test
    void revokeOthers_revokesEveryActiveSessionButTheKeptOne() {
        User user = aStoredUser();
        Session kept = aSessionStartedAt(user, T0);
        Session laptop = aSessionStartedAt(user, T0.plusSeconds(1));
        Session phone = aSessionStartedAt(user, T0.plusSeconds(2));
        Session signedOut = aSessionStartedAt(user, T0.plusSeconds(3));
        Session someoneElses = aSessionStartedAt(aStoredUser(), T0.plusSeconds(4));
        for (Session session : List.of(kept, laptop, phone, signedOut, someoneElses)) {
            sessions().add(session);
        }
        sessions().revoke(signedOut.revoke(T0.plusSeconds(5), RevokeReason.SIGNED_OUT));
        Instant now = T0.plus(Duration.ofMinutes(10)).plusNanos(7_000);

        List<SessionId> revoked = sessions().revokeOthers(user.id(), kept.id(), now, RevokeReason.OTHERS_REVOKED);

        assertThat(revoked).containsExactlyInAnyOrder(laptop.id(), phone.id());
        assertThat(sessions().findById(phone.id())).get().usingRecursiveComparison()
                .isEqualTo(phone.revoke(now, RevokeReason.OTHERS_REVOKED));
        assertThat(sessions().findById(signedOut.id())).get()
                .satisfies(found -> assertThat(found.revokeReason()).contains(RevokeReason.SIGNED_OUT));
        assertThat(sessions().findById(kept.id())).get().usingRecursiveComparison().isEqualTo(kept);
        assertThat(sessions().findById(someoneElses.id())).get().usingRecursiveComparison().isEqualTo(someoneElses);
    }

    @Test
    void revokeOthers_leavesExpiredSessionsAsTheyAre() {
        User user = aStoredUser();
        Session kept = aSessionStartedAt(user, T0.plus(Duration.ofDays(40)));
        Session expired = aSessionStartedAt(user, T0);
        sessions().add(kept);
        sessions().add(expired);

        List<SessionId> revoked = sessions().revokeOthers(user.id(), kept.id(), T0.plus(Duration.ofDays(40)),
                RevokeReason.OTHERS_REVOKED);

        assertThat(revoked).isEmpty();
        assertThat(sessions().findById(expired.id())).get().usingRecursiveComparison().isEqualTo(expired);
    }

    /*
     * The store is shared by every test of a run, so each purge test places its sessions and cutoff in its own era,
     * long before T0: no other test's session ends before its cutoff, and exact counts hold in any order.
     */

    @Test
    void deleteEndedBefore_deletesSessionsRevokedOrExpiredBeforeTheCutoffAndKeepsTheRest() {
        User user = aStoredUser();
        Instant cutoff = Instant.parse("2000-03-01T00:00:00Z");
        Session expiredLongAgo = aSessionStartedAt(user, cutoff.minus(Duration.ofDays(30)));
        Session expiredAfterCutoff = aSessionStartedAt(user, cutoff.minus(POLICY.idleTimeout()).plusSeconds(1));
        Session revokedLongAgo = aSessionStartedAt(user, cutoff.minus(Duration.ofDays(1)));
        Session revokedAfterCutoff = aSessionStartedAt(user, cutoff.minus(Duration.ofDays(1)));
        Session active = aSessionStartedAt(user, cutoff);
        for (Session session : List.of(expiredLongAgo, expiredAfterCutoff, revokedLongAgo, revokedAfterCutoff, active)) {
            sessions().add(session);
        }
        sessions().revoke(revokedLongAgo.revoke(cutoff.minusNanos(1_000), RevokeReason.SIGNED_OUT));
        sessions().revoke(revokedAfterCutoff.revoke(cutoff.plusNanos(1_000), RevokeReason.SIGNED_OUT));

        int deleted = sessions().deleteEndedBefore(cutoff, 100);

        assertThat(deleted).isEqualTo(2);
        assertThat(sessions().findById(expiredLongAgo.id())).isEmpty();
        assertThat(sessions().findById(revokedLongAgo.id())).isEmpty();
        assertThat(sessions().findByTokenHash(revokedLongAgo.tokenHash())).isEmpty();
        for (Session kept : List.of(expiredAfterCutoff, revokedAfterCutoff, active)) {
            assertThat(sessions().findById(kept.id())).as("kept").isPresent();
        }
    }

    @Test
    void deleteEndedBefore_deletesAtMostOneBatchPerCall() {
        User user = aStoredUser();
        Instant era = Instant.parse("1990-01-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            sessions().add(aSessionStartedAt(user, era.plusSeconds(i)));
        }
        Instant cutoff = era.plus(Duration.ofDays(365));

        assertThat(sessions().deleteEndedBefore(cutoff, 2)).isEqualTo(2);
        assertThat(sessions().deleteEndedBefore(cutoff, 2)).isEqualTo(2);
        assertThat(sessions().deleteEndedBefore(cutoff, 2)).isEqualTo(1);
        assertThat(sessions().deleteEndedBefore(cutoff, 2)).isZero();
    }

    /** A freshly stored account for sessions to belong to. */
    protected User aStoredUser() {
        User user = User.restore(UserId.random(), Email.of("owner-" + UUID.randomUUID() + "@example.com"), "Owner",
                new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"), T0, T0);
        assertThat(users().add(user)).isTrue();
        return user;
    }

    /** A session as a sign-in at {@code start} opens it. */
    protected static Session aSessionStartedAt(User owner, Instant start) {
        return Session.start(SessionId.random(), owner.id(), SessionToken.generate(RANDOM).hash(), CLIENT, start, POLICY);
    }

    /** A session whose timestamps all differ, so a swapped column shows. */
    protected static Session aSession(User owner, ClientInfo client) {
        Instant lastUsed = T0.plus(Duration.ofMinutes(90)).plusNanos(5_000);
        return Session.restore(SessionId.random(), owner.id(), SessionToken.generate(RANDOM).hash(), T0, lastUsed,
                lastUsed.plus(POLICY.idleTimeout()), T0.plus(POLICY.absoluteLifetime()), null, null, client);
    }
}
