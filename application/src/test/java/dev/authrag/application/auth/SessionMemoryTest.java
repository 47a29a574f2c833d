package dev.authrag.application.auth;

import dev.authrag.application.audit.InMemoryAuditTrail;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Refusing a credential is as cheap as accepting one (issue 10, item 7): after the first storage lookup, a revoked or
 * unknown token is refused from {@link SessionMemory}; the memory holds at most its capacity; and revocations by other
 * instances are found on the store's clock, whatever the instances' clocks say.
 */
class SessionMemoryTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final SessionPolicy POLICY = SessionPolicy.standard();
    private static final Duration REFUSAL_TTL = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryUsers users = new InMemoryUsers();
    private final InMemorySessions stored = new InMemorySessions();
    private final CountingSessions sessions = new CountingSessions(stored);
    private final SessionMemory memory = new SessionMemory(sessions, POLICY, Duration.ofMinutes(1), REFUSAL_TTL, 1000);
    private final SessionEnding ending = new SessionEnding(sessions, memory, new InMemoryAuditTrail(), new InlineTransactions());
    private final VerifySession verify = new VerifySessionService(users, sessions, POLICY, clock, memory, 64, java.time.Duration.ZERO);

    private User alice;

    @BeforeEach
    void registerAlice() {
        alice = User.register(UserId.random(), Email.of("alice@example.com"), null, new PasswordHash("$fake$v=1$00"), T0);
        users.add(alice);
    }

    @Test
    void aTokenRevokedElsewhere_isLookedUpOnce_thenRefusedFromMemory() {
        SessionToken token = SessionToken.generate(RANDOM);
        Session session = startedAt(token, T0);
        stored.add(session);
        stored.revoke(session.revoke(T0, RevokeReason.SIGNED_OUT));

        for (int i = 0; i < 5; i++) {
            assertThat(verify.verify(token)).isEmpty();
        }

        assertThat(sessions.findsByTokenHash()).isEqualTo(1);
        assertThat(verify.verifyFromMemory(token).refused()).as("refused on the event loop, no query").isTrue();
    }

    @Test
    void aTokenRevokedHere_isRefusedWithoutAnyLookup() {
        SessionToken token = SessionToken.generate(RANDOM);
        Session session = startedAt(token, T0);
        stored.add(session);
        verify.verify(token);
        int lookups = sessions.findsByTokenHash();

        ending.end(session, T0, RevokeReason.SIGNED_OUT, ClientInfo.unknown());

        assertThat(verify.verifyFromMemory(token).refused()).isTrue();
        assertThat(verify.verify(token)).isEmpty();
        assertThat(sessions.findsByTokenHash()).isEqualTo(lookups);
    }

    @Test
    void anUnknownToken_isLookedUpOnce_thenRefusedFromMemoryUntilTheRefusalTimePasses() {
        SessionToken unknown = SessionToken.generate(RANDOM);

        for (int i = 0; i < 5; i++) {
            assertThat(verify.verify(unknown)).isEmpty();
        }
        assertThat(sessions.findsByTokenHash()).isEqualTo(1);

        clock.advance(REFUSAL_TTL);
        assertThat(verify.verifyFromMemory(unknown).known()).isFalse();
        assertThat(verify.verify(unknown)).isEmpty();
        assertThat(sessions.findsByTokenHash()).isEqualTo(2);
    }

    @Test
    void aTokenRefusedAsUnknown_isAcceptedOnceASessionForItStartsHere() {
        SessionToken token = SessionToken.generate(RANDOM);
        assertThat(verify.verify(token)).isEmpty();

        ending.startWithinLimit(startedAt(token, T0), SessionLimit.standard(), ClientInfo.unknown());

        assertThat(verify.verifyFromMemory(token).refused()).isFalse();
        assertThat(verify.verify(token)).isPresent();
    }

    @Test
    void anUnknownLookup_thatRacedASessionStartingHere_isNotRememberedAsRefused() {
        SessionToken token = SessionToken.generate(RANDOM);
        long starts = memory.starts();
        ending.startWithinLimit(startedAt(token, T0), SessionLimit.standard(), ClientInfo.unknown());

        // a lookup that began before the session was stored, and read "unknown"
        memory.refused(token.hash(), java.util.Optional.empty(), starts, T0);

        assertThat(verify.verifyFromMemory(token).refused()).isFalse();
        assertThat(verify.verify(token)).isPresent();
    }

    @Test
    void anAccessTokensSessionRevokedElsewhere_isLookedUpOnce_thenRefusedFromMemory() {
        Session session = startedAt(SessionToken.generate(RANDOM), T0);
        stored.add(session);
        stored.revoke(session.revoke(T0, RevokeReason.SIGNED_OUT));

        for (int i = 0; i < 5; i++) {
            assertThat(verify.current(session.id())).isEmpty();
        }

        assertThat(sessions.findsById()).isEqualTo(1);
        assertThat(verify.currentFromMemory(session.id()).refused()).isTrue();
    }

    @Test
    void theMemory_holdsAtMostItsCapacity_andStillAnswersCorrectlyBeyondIt() {
        SessionMemory small = new SessionMemory(sessions, POLICY, Duration.ofMinutes(1), REFUSAL_TTL, 4);
        VerifySession smallVerify = new VerifySessionService(users, sessions, POLICY, clock, small, 64, java.time.Duration.ZERO);
        SessionToken first = SessionToken.generate(RANDOM);
        stored.add(startedAt(first, T0));
        smallVerify.verify(first);

        for (int i = 0; i < 50; i++) {
            SessionToken token = SessionToken.generate(RANDOM);
            stored.add(startedAt(token, T0));
            assertThat(smallVerify.verify(token)).isPresent();
            assertThat(smallVerify.verify(SessionToken.generate(RANDOM))).isEmpty();
            assertThat(small.size()).isLessThanOrEqualTo(small.capacity());
        }

        assertThat(small.capacity()).isEqualTo(8);
        assertThat(smallVerify.verifyFromMemory(first).known()).as("the least recently used, dropped").isFalse();
        assertThat(smallVerify.verify(first)).as("and found again in storage").isPresent();
    }

    /** Instance A's clock is an hour behind the store's, instance B's an hour ahead: B still hears of A's revocation. */
    @Test
    void aRevocationByAnInstanceWithASkewedClock_reachesAnotherSkewedInstance() {
        Instant storeTime = Instant.parse("2025-06-01T12:00:00Z");
        InMemorySessions shared = new InMemorySessions(Clock.fixed(storeTime, ZoneOffset.UTC));
        MutableClock clockA = new MutableClock(storeTime.minus(Duration.ofHours(1)));
        MutableClock clockB = new MutableClock(storeTime.plus(Duration.ofHours(1)));
        SessionMemory memoryA = new SessionMemory(shared, POLICY, Duration.ofMinutes(1), REFUSAL_TTL, 100);
        SessionMemory memoryB = new SessionMemory(shared, POLICY, Duration.ofMinutes(1), REFUSAL_TTL, 100);
        VerifySession verifyB = new VerifySessionService(users, shared, POLICY, clockB, memoryB, 64, java.time.Duration.ZERO);
        SessionToken token = SessionToken.generate(RANDOM);
        Session session = startedAt(token, clockA.instant());
        shared.add(session);
        assertThat(verifyB.verify(token)).isPresent();

        new SessionEnding(shared, memoryA, new InMemoryAuditTrail(), new InlineTransactions()).end(session, clockA.instant(), RevokeReason.SIGNED_OUT,
                ClientInfo.unknown());
        memoryB.refresh(clockB.instant());

        assertThat(verifyB.verifyFromMemory(token).refused()).isTrue();
    }

    /** A burst of one bad token reaches storage once, not once per request (issue 10, item 7: the pool's wait). */
    @Test
    void concurrentLookupsOfOneToken_shareOneQuery() throws Exception {
        HeldSessions slow = new HeldSessions(stored, 1);
        VerifySession shared = new VerifySessionService(users, slow, POLICY, clock,
                new SessionMemory(slow, POLICY, Duration.ofMinutes(1), REFUSAL_TTL, 100), 64, java.time.Duration.ZERO);
        SessionToken unknown = SessionToken.generate(RANDOM);
        java.util.concurrent.ExecutorService requests = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<?> first = requests.submit(() -> shared.verify(unknown));
            slow.inQuery.await();
            Thread second = new Thread(() -> assertThat(shared.verify(unknown)).isEmpty());
            second.start();
            while (second.getState() != Thread.State.WAITING && second.isAlive()) {
                Thread.onSpinWait();
            }
            slow.release.countDown();
            first.get();
            second.join();
        } finally {
            requests.shutdownNow();
        }

        assertThat(slow.findsByTokenHash()).isEqualTo(1);
    }

    @Test
    @org.junit.jupiter.api.Timeout(30) // without the bound the extra lookup would wait on the held storage for ever
    void lookupsOfDistinctUnknownTokens_areBoundedAtOnce_andTheOneBeyondTheBoundIsBusyNotRefused() throws Exception {
        int bound = 2;
        HeldSessions slow = new HeldSessions(stored, bound);
        VerifySession bounded = new VerifySessionService(users, slow, POLICY, clock,
                new SessionMemory(slow, POLICY, Duration.ofMinutes(1), REFUSAL_TTL, 100), bound, Duration.ofMillis(50));
        java.util.concurrent.ExecutorService requests = java.util.concurrent.Executors.newFixedThreadPool(bound);
        try {
            java.util.List<java.util.concurrent.Future<?>> held = new java.util.ArrayList<>();
            for (int i = 0; i < bound; i++) {
                held.add(requests.submit(() -> bounded.verify(SessionToken.generate(RANDOM))));
            }
            slow.inQuery.await();

            // one more distinct token while the bound is held: told to retry, and storage was not asked
            assertThatThrownBy(() -> bounded.verify(SessionToken.generate(RANDOM)))
                    .isInstanceOfSatisfying(dev.authrag.domain.auth.AuthException.class, e -> {
                        assertThat(e.reason()).isEqualTo(dev.authrag.domain.auth.AuthException.Reason.BUSY);
                        assertThat(e.retryAfter()).isPresent();
                    });
            assertThat(slow.asked.get()).isEqualTo(bound);

            slow.release.countDown();
            for (java.util.concurrent.Future<?> request : held) {
                request.get();
            }
        } finally {
            requests.shutdownNow();
        }

        // the places are given back: a token that became valid is accepted, never refused by the bound
        SessionToken late = SessionToken.generate(RANDOM);
        stored.add(startedAt(late, clock.instant()));
        assertThat(bounded.verify(late)).isPresent();
    }

    /** Storage whose token lookups wait, once {@code entered} of them have begun, until {@link #release} opens. */
    private static final class HeldSessions extends CountingSessions {

        final java.util.concurrent.CountDownLatch inQuery;
        final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();

        HeldSessions(Sessions stored, int entered) {
            super(stored);
            this.inQuery = new java.util.concurrent.CountDownLatch(entered);
        }

        @Override
        public java.util.Optional<Session> findByTokenHash(dev.authrag.domain.session.TokenHash tokenHash) {
            asked.incrementAndGet();
            inQuery.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.findByTokenHash(tokenHash);
        }
    }

    private Session startedAt(SessionToken token, Instant start) {
        return Session.start(SessionId.random(), alice.id(), token.hash(), ClientInfo.unknown(), start, POLICY);
    }
}
