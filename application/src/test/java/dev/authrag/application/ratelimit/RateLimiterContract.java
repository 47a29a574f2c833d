package dev.authrag.application.ratelimit;

import dev.authrag.domain.ratelimit.Admission;
import dev.authrag.domain.ratelimit.Bucket;
import dev.authrag.domain.ratelimit.BucketKey;
import dev.authrag.domain.ratelimit.Quota;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link RateLimiter} must do, run against the in-memory fake and the PostgreSQL adapter. Each test uses
 * fresh subjects, so one store may serve them all. Instants are whole microseconds, the precision PostgreSQL keeps.
 */
public abstract class RateLimiterContract {

    protected static final Instant T0 = Instant.parse("2025-03-01T09:15:30.123456Z");
    protected static final Quota TEN_PER_FIVE_MINUTES = new Quota(10, Duration.ofMinutes(5));

    /** The adapter under test; may return the same instance on every call. */
    protected abstract RateLimiter limiter();

    @Test
    void aNewBucket_admitsTheFirstAttempt_andHasLimitMinusOneLeft() {
        Admission first = limiter().acquire(freshKey(Bucket.SIGNIN_IP), TEN_PER_FIVE_MINUTES, T0);

        assertThat(first.allowed()).isTrue();
        assertThat(first.remaining()).isEqualTo(9);
        assertThat(first.untilMore()).isEqualTo(Duration.ofSeconds(30));
        assertThat(first.bucket()).isEqualTo(Bucket.SIGNIN_IP);
        assertThat(first.quota()).isEqualTo(TEN_PER_FIVE_MINUTES);
    }

    @Test
    void aBurst_isAdmittedUpToTheLimit_andTheNextAttemptIsRefusedWithItsWait() {
        BucketKey key = freshKey(Bucket.SIGNIN_IP);
        List<Admission> admissions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            admissions.add(limiter().acquire(key, TEN_PER_FIVE_MINUTES, T0));
        }
        Admission eleventh = limiter().acquire(key, TEN_PER_FIVE_MINUTES, T0.plusSeconds(12));

        assertThat(admissions).allSatisfy(admission -> assertThat(admission.allowed()).isTrue());
        assertThat(admissions).extracting(Admission::remaining).containsExactly(9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
        assertThat(eleventh.allowed()).isFalse();
        assertThat(eleventh.remaining()).isZero();
        assertThat(eleventh.untilMore()).isEqualTo(Duration.ofSeconds(18));
    }

    @Test
    void aRefusedAttempt_doesNotUseUpQuota_soTheClientGetsInAfterTheAnnouncedWait() {
        BucketKey key = freshKey(Bucket.SIGNIN_EMAIL);
        Quota quota = new Quota(2, Duration.ofMinutes(1));
        limiter().acquire(key, quota, T0);
        limiter().acquire(key, quota, T0);
        Admission refused = null;
        for (int i = 0; i < 5; i++) {
            refused = limiter().acquire(key, quota, T0.plusSeconds(1));
        }

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.untilMore()).isEqualTo(Duration.ofSeconds(29));
        assertThat(limiter().acquire(key, quota, T0.plusSeconds(30).minus(1, ChronoUnit.MICROS)).allowed()).isFalse();
        assertThat(limiter().acquire(key, quota, T0.plusSeconds(30)).allowed()).isTrue();
        assertThat(limiter().acquire(key, quota, T0.plusSeconds(30)).allowed()).isFalse();
    }

    @Test
    void aDrainedBucket_refillsOneAttemptPerInterval_andFullyAfterTheWindow() {
        BucketKey key = freshKey(Bucket.REGISTER_IP);
        for (int i = 0; i < 10; i++) {
            limiter().acquire(key, TEN_PER_FIVE_MINUTES, T0);
        }

        Admission afterOneInterval = limiter().acquire(key, TEN_PER_FIVE_MINUTES, T0.plusSeconds(30));
        Admission afterAnHour = limiter().acquire(key, TEN_PER_FIVE_MINUTES, T0.plus(Duration.ofHours(1)));

        assertThat(afterOneInterval.allowed()).isTrue();
        assertThat(afterOneInterval.remaining()).isZero();
        assertThat(afterAnHour.allowed()).isTrue();
        assertThat(afterAnHour.remaining()).isEqualTo(9);
    }

    @Test
    void buckets_areCountedApart_bySubjectAndByKind() {
        BucketKey crowded = freshKey(Bucket.SIGNIN_IP);
        Quota one = new Quota(1, Duration.ofMinutes(1));
        limiter().acquire(crowded, one, T0);

        assertThat(limiter().acquire(crowded, one, T0).allowed()).isFalse();
        assertThat(limiter().acquire(freshKey(Bucket.SIGNIN_IP), one, T0).allowed()).isTrue();
        assertThat(limiter().acquire(new BucketKey(Bucket.REGISTER_IP, crowded.subjectHash()), one, T0).allowed()).isTrue();
    }

    @Test
    void fiftyConcurrentAttempts_againstALimitOfTen_admitExactlyTen() throws Exception {
        BucketKey key = freshKey(Bucket.CHAT_USER);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Admission>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                Callable<Admission> attempt = () -> {
                    start.await();
                    return limiter().acquire(key, TEN_PER_FIVE_MINUTES, T0);
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            int admitted = 0;
            for (Future<Admission> result : results) {
                admitted += result.get(60, TimeUnit.SECONDS).allowed() ? 1 : 0;
            }

            assertThat(admitted).isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A key no other test uses. */
    protected static BucketKey freshKey(Bucket bucket) {
        return BucketKey.of(bucket, UUID.randomUUID().toString());
    }
}
