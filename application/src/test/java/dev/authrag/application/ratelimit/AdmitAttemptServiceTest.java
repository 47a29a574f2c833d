package dev.authrag.application.ratelimit;

import dev.authrag.application.auth.MutableClock;
import dev.authrag.application.ratelimit.AdmitAttempt.Attempt;
import dev.authrag.domain.ratelimit.Admission;
import dev.authrag.domain.ratelimit.Bucket;
import dev.authrag.domain.ratelimit.BucketKey;
import dev.authrag.domain.ratelimit.Quota;
import dev.authrag.domain.ratelimit.RateLimits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AdmitAttemptServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T09:00:00.123456789Z"));
    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter();

    @Test
    void switchedOff_admitsEverything_withoutAskingTheLimiter() {
        AdmitAttempt admit = new AdmitAttemptService(limiter, new RateLimits(false, Map.of()), clock);

        for (int i = 0; i < 100; i++) {
            assertThat(admit.admit(new Attempt(Bucket.SIGNIN_IP, "203.0.113.7"))).isEmpty();
        }
        assertThat(limiter.asked()).isEmpty();
    }

    @Test
    void eachBucket_isHeldToItsOwnQuota() {
        AdmitAttempt admit = new AdmitAttemptService(limiter, limits(), clock);

        assertThat(admit.admit(new Attempt(Bucket.SIGNIN_EMAIL, "ada@example.com")).orElseThrow().quota())
                .isEqualTo(new Quota(5, Duration.ofMinutes(1)));
        assertThat(admit.admit(new Attempt(Bucket.REGISTER_IP, "203.0.113.7")).orElseThrow().quota())
                .isEqualTo(new Quota(10, Duration.ofHours(1)));
    }

    @Test
    void theSixthSignInForOneEmail_inAnyLetterCase_isRefused() {
        AdmitAttempt admit = new AdmitAttemptService(limiter, limits(), clock);
        String[] variants = {"ada@example.com", "ADA@example.com", " Ada@Example.com ", "ada@EXAMPLE.com", "ada@example.COM"};
        for (String variant : variants) {
            assertThat(admit.admit(new Attempt(Bucket.SIGNIN_EMAIL, variant)).orElseThrow().allowed()).isTrue();
        }

        Admission sixth = admit.admit(new Attempt(Bucket.SIGNIN_EMAIL, "ada@example.com")).orElseThrow();

        assertThat(sixth.allowed()).isFalse();
        assertThat(limiter.asked()).containsOnly(BucketKey.of(Bucket.SIGNIN_EMAIL, "ada@example.com"));
    }

    @Test
    void time_comesFromTheClock_soTheBucketRefillsAsItMoves() {
        AdmitAttempt admit = new AdmitAttemptService(limiter, limits(), clock);
        for (int i = 0; i < 5; i++) {
            admit.admit(new Attempt(Bucket.SIGNIN_EMAIL, "ada@example.com"));
        }
        Admission refused = admit.admit(new Attempt(Bucket.SIGNIN_EMAIL, "ada@example.com")).orElseThrow();

        clock.advance(refused.untilMore());

        assertThat(admit.admit(new Attempt(Bucket.SIGNIN_EMAIL, "ada@example.com")).orElseThrow().allowed()).isTrue();
    }

    private static RateLimits limits() {
        Map<Bucket, Quota> quotas = new EnumMap<>(Bucket.class);
        quotas.put(Bucket.SIGNIN_IP, new Quota(10, Duration.ofMinutes(5)));
        quotas.put(Bucket.SIGNIN_EMAIL, new Quota(5, Duration.ofMinutes(1)));
        quotas.put(Bucket.REGISTER_IP, new Quota(10, Duration.ofHours(1)));
        quotas.put(Bucket.CHAT_USER, new Quota(10, Duration.ofMinutes(1)));
        return new RateLimits(true, quotas);
    }
}
