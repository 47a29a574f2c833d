package dev.authrag.domain.ratelimit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuotaTest {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final Quota TEN_PER_FIVE_MINUTES = new Quota(10, Duration.ofMinutes(5));

    @Test
    void interval_isTheWindowDividedByTheLimit_toTheMicrosecond() {
        assertThat(TEN_PER_FIVE_MINUTES.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(new Quota(7, Duration.ofMinutes(1)).interval()).isEqualTo(Duration.ofNanos(8_571_428_000L));
        assertThat(new Quota(Quota.MAX_LIMIT, Duration.ofSeconds(1)).interval()).isEqualTo(Duration.ofNanos(10_000));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Quota.MAX_LIMIT + 1})
    void aLimitOutsideItsRange_isRejected(int limit) {
        assertThatThrownBy(() -> new Quota(limit, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWindowThatIsNotWholeSecondsOrOutOfRange_isRejected() {
        for (Duration window : new Duration[]{null, Duration.ZERO, Duration.ofMillis(999), Duration.ofMillis(1500),
                Duration.ofSeconds(-5), Duration.ofDays(32)}) {
            assertThatThrownBy(() -> new Quota(5, window)).as(String.valueOf(window)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anEmptyBucket_admitsABurstOfExactlyTheLimit() {
        Instant tat = null;
        int admitted = 0;
        for (int attempt = 0; attempt < 25; attempt++) {
            if (TEN_PER_FIVE_MINUTES.admits(tat, NOW)) {
                tat = TEN_PER_FIVE_MINUTES.advance(tat, NOW);
                admitted++;
            }
        }
        assertThat(admitted).isEqualTo(10);
        assertThat(tat).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void aDrainedBucket_admitsOneMoreAfterEachInterval_andNotBefore() {
        Instant tat = NOW.plus(Duration.ofMinutes(5));

        assertThat(TEN_PER_FIVE_MINUTES.admits(tat, NOW.plusSeconds(29))).isFalse();
        assertThat(TEN_PER_FIVE_MINUTES.admits(tat, NOW.plusSeconds(30))).isTrue();
        Instant after = TEN_PER_FIVE_MINUTES.advance(tat, NOW.plusSeconds(30));
        assertThat(TEN_PER_FIVE_MINUTES.admits(after, NOW.plusSeconds(30))).isFalse();
    }

    @Test
    void aBucketWhoseTatHasPassed_isAsGoodAsEmpty() {
        Instant stale = NOW.minus(Duration.ofHours(3));

        assertThat(TEN_PER_FIVE_MINUTES.advance(stale, NOW)).isEqualTo(TEN_PER_FIVE_MINUTES.advance(null, NOW));
        assertThat(TEN_PER_FIVE_MINUTES.admission(Bucket.SIGNIN_IP, true, TEN_PER_FIVE_MINUTES.advance(stale, NOW), NOW).remaining())
                .isEqualTo(9);
    }

    @Test
    void admission_afterTheFirstAttempt_leavesLimitMinusOne_andTheNextUnitInOneInterval() {
        Admission first = TEN_PER_FIVE_MINUTES.admission(Bucket.SIGNIN_IP, true, NOW.plusSeconds(30), NOW);

        assertThat(first.allowed()).isTrue();
        assertThat(first.remaining()).isEqualTo(9);
        assertThat(first.untilMore()).isEqualTo(Duration.ofSeconds(30));
        assertThat(first.secondsUntilMore()).isEqualTo(30);
    }

    @Test
    void admission_ofThreeAttemptsTenSecondsApart_countsTheRefillSinceTheFirst() {
        Instant tat = null;
        Instant at = NOW;
        for (int i = 0; i < 3; i++) {
            at = NOW.plusSeconds(10L * i);
            tat = TEN_PER_FIVE_MINUTES.advance(tat, at);
        }
        Admission third = TEN_PER_FIVE_MINUTES.admission(Bucket.SIGNIN_IP, true, tat, at);

        // TAT = 90 s after the first attempt, 70 s after the third: 230 s of 300 free, so 7 left and 10 s to the 8th
        assertThat(third.remaining()).isEqualTo(7);
        assertThat(third.untilMore()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void admission_ofTheLastAttemptOfABurst_leavesNone() {
        Admission last = TEN_PER_FIVE_MINUTES.admission(Bucket.SIGNIN_IP, true, NOW.plus(Duration.ofMinutes(5)), NOW);

        assertThat(last.remaining()).isZero();
        assertThat(last.untilMore()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void admission_ofARefusedAttempt_waitsUntilTheBucketAdmitsAgain() {
        Instant tat = NOW.plus(Duration.ofMinutes(5));
        Admission refused = TEN_PER_FIVE_MINUTES.admission(Bucket.SIGNIN_IP, false, tat, NOW.plusSeconds(12));

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.untilMore()).isEqualTo(Duration.ofSeconds(18));
        assertThat(TEN_PER_FIVE_MINUTES.admits(tat, NOW.plusSeconds(12).plus(refused.untilMore()))).isTrue();
        assertThat(TEN_PER_FIVE_MINUTES.admits(tat, NOW.plusSeconds(12).plus(refused.untilMore()).minusNanos(1_000))).isFalse();
    }

    @Test
    void toString_showsTheLimitAndWindow() {
        assertThat(TEN_PER_FIVE_MINUTES).hasToString("10/300s");
    }
}
