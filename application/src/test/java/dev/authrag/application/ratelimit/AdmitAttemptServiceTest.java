package dev.authrag.application.ratelimit;

import dev.authrag.application.audit.InMemoryAuditTrail;
import dev.authrag.application.auth.MutableClock;
import dev.authrag.application.ratelimit.AdmitAttempt.Attempt;
import dev.authrag.domain.audit.SecurityEvent;
import dev.authrag.domain.audit.SecurityEvent.Type;
import dev.authrag.domain.ratelimit.Admission;
import dev.authrag.domain.ratelimit.Bucket;
import dev.authrag.domain.ratelimit.BucketKey;
import dev.authrag.domain.ratelimit.Quota;
import dev.authrag.domain.ratelimit.RateLimits;
import dev.authrag.domain.session.ClientInfo;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AdmitAttemptServiceTest {

    private static final ClientInfo CLIENT = new ClientInfo("203.0.113.7", "curl/8.5.0");

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T09:00:00.123456789Z"));
    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();

    @Test
    void switchedOff_admitsEverything_withoutAskingTheLimiter() {
        AdmitAttempt admit = new AdmitAttemptService(limiter, new RateLimits(false, Map.of()), clock, audit);

        for (int i = 0; i < 100; i++) {
            assertThat(admit.admit(new Attempt(Bucket.SIGNIN_IP, "203.0.113.7"))).isEmpty();
        }
        assertThat(limiter.asked()).isEmpty();
        assertThat(audit.all()).isEmpty();
    }

    @Test
    void eachBucket_isHeldToItsOwnQuota() {
        AdmitAttempt admit = new AdmitAttemptService(limiter, limits(), clock, audit);

        assertThat(admit.admit(new Attempt(Bucket.SIGNIN_EMAIL, "ada@example.com")).orElseThrow().quota())
                .isEqualTo(new Quota(5, Duration.ofMinutes(1)));
        assertThat(admit.admit(new Attempt(Bucket.REGISTER_IP, "203.0.113.7")).orElseThrow().quota())
                .isEqualTo(new Quota(10, Duration.ofHours(1)));
    }

    @Test
    void theSixthSignInForOneEmail_inAnyLetterCase_isRefused() {
        AdmitAttempt admit = new AdmitAttemptService(limiter, limits(), clock, audit);
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
        AdmitAttempt admit = new AdmitAttemptService(limiter, limits(), clock, audit);
        for (int i = 0; i < 5; i++) {
            admit.admit(new Attempt(Bucket.SIGNIN_EMAIL, "ada@example.com"));
        }
        Admission refused = admit.admit(new Attempt(Bucket.SIGNIN_EMAIL, "ada@example.com")).orElseThrow();

        clock.advance(refused.untilMore());

        assertThat(admit.admit(new Attempt(Bucket.SIGNIN_EMAIL, "ada@example.com")).orElseThrow().allowed()).isTrue();
    }

    @Test
    void admittedAttempts_recordNothing() {
        AdmitAttempt admit = new AdmitAttemptService(limiter, limits(), clock, audit);

        for (int i = 0; i < 5; i++) {
            admit.admit(new Attempt(Bucket.SIGNIN_EMAIL, "ada@example.com", CLIENT));
        }

        assertThat(audit.all()).isEmpty();
    }

    @Test
    void aRefusal_isRecordedAnonymously_withTheClientAndThePolicyAsReason() {
        AdmitAttempt admit = new AdmitAttemptService(limiter, limits(), clock, audit);
        exhaust(admit, Bucket.SIGNIN_EMAIL, "ada@example.com", 5);

        admit.admit(new Attempt(Bucket.SIGNIN_EMAIL, "ada@example.com", CLIENT));

        SecurityEvent event = audit.single();
        assertThat(event.type()).isEqualTo(Type.RATE_LIMITED);
        assertThat(event.reason()).isEqualTo("signin_email");
        assertThat(event.userId()).as("no account lookup for a refused attempt").isNull();
        assertThat(event.sessionId()).isNull();
        assertThat(event.client()).isEqualTo(CLIENT);
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2025-03-01T09:00:00.123456Z"));
    }

    @Test
    void aFlood_isRecordedOncePerBucketAndWindow() {
        AdmitAttempt admit = new AdmitAttemptService(limiter, limits(), clock, audit);
        exhaust(admit, Bucket.SIGNIN_IP, "203.0.113.7", 10);

        for (int i = 0; i < 1_000; i++) {
            assertThat(admit.admit(new Attempt(Bucket.SIGNIN_IP, "203.0.113.7", CLIENT)).orElseThrow().allowed()).isFalse();
        }

        assertThat(audit.single().reason()).isEqualTo("signin_ip");
    }

    @Test
    void eachRefusingBucket_isRecordedOnItsOwn() {
        AdmitAttempt admit = new AdmitAttemptService(limiter, limits(), clock, audit);
        exhaust(admit, Bucket.SIGNIN_IP, "203.0.113.7", 10);
        exhaust(admit, Bucket.SIGNIN_IP, "198.51.100.9", 10);
        exhaust(admit, Bucket.REGISTER_IP, "203.0.113.7", 10);

        for (int i = 0; i < 3; i++) {
            admit.admit(new Attempt(Bucket.SIGNIN_IP, "203.0.113.7", CLIENT));
            admit.admit(new Attempt(Bucket.SIGNIN_IP, "198.51.100.9", CLIENT));
            admit.admit(new Attempt(Bucket.REGISTER_IP, "203.0.113.7", CLIENT));
        }

        assertThat(audit.all()).extracting(SecurityEvent::reason).containsExactly("signin_ip", "signin_ip", "register_ip");
    }

    @Test
    void aBucketStillRefusingAfterAWholeWindow_isRecordedAgain() {
        AdmitAttempt admit = new AdmitAttemptService(limiter, limits(), clock, audit);
        exhaust(admit, Bucket.SIGNIN_EMAIL, "ada@example.com", 5);
        admit.admit(new Attempt(Bucket.SIGNIN_EMAIL, "ada@example.com", CLIENT));

        clock.advance(Duration.ofSeconds(59));
        exhaust(admit, Bucket.SIGNIN_EMAIL, "ada@example.com", 4);
        admit.admit(new Attempt(Bucket.SIGNIN_EMAIL, "ada@example.com", CLIENT));
        assertThat(audit.all()).as("59 s into the 60 s window").hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        exhaust(admit, Bucket.SIGNIN_EMAIL, "ada@example.com", 1);
        assertThat(admit.admit(new Attempt(Bucket.SIGNIN_EMAIL, "ada@example.com", CLIENT)).orElseThrow().allowed()).isFalse();

        assertThat(audit.all()).hasSize(2);
    }

    @Test
    void theMemoryOfRecordedRefusals_isBounded_forgettingTheOldestFirst() {
        AdmitAttempt admit = new AdmitAttemptService(limiter, limits(), clock, audit);
        int buckets = AdmitAttemptService.REMEMBERED_REFUSALS + 1;
        for (int i = 0; i < buckets; i++) {
            String mailbox = "flood" + i + "@example.com";
            exhaust(admit, Bucket.SIGNIN_EMAIL, mailbox, 5);
            admit.admit(new Attempt(Bucket.SIGNIN_EMAIL, mailbox, CLIENT));
        }
        assertThat(audit.all()).hasSize(buckets);

        admit.admit(new Attempt(Bucket.SIGNIN_EMAIL, "flood" + (buckets - 1) + "@example.com", CLIENT));
        assertThat(audit.all()).as("the newest is still remembered").hasSize(buckets);
        admit.admit(new Attempt(Bucket.SIGNIN_EMAIL, "flood0@example.com", CLIENT));

        assertThat(audit.all()).as("the oldest was forgotten, so it costs one event more").hasSize(buckets + 1);
    }

    /** Uses up {@code count} admissions; each must be allowed. */
    private static void exhaust(AdmitAttempt admit, Bucket bucket, String subject, int count) {
        for (int i = 0; i < count; i++) {
            assertThat(admit.admit(new Attempt(bucket, subject, CLIENT)).orElseThrow().allowed()).as("attempt " + (i + 1)).isTrue();
        }
    }

    private static RateLimits limits() {
        Map<Bucket, Quota> quotas = new EnumMap<>(Bucket.class);
        quotas.put(Bucket.SIGNIN_IP, new Quota(10, Duration.ofMinutes(5)));
        quotas.put(Bucket.SIGNIN_EMAIL, new Quota(5, Duration.ofMinutes(1)));
        quotas.put(Bucket.REGISTER_IP, new Quota(10, Duration.ofHours(1)));
        quotas.put(Bucket.CHAT_USER, new Quota(10, Duration.ofMinutes(1)));
        quotas.put(Bucket.CHANGE_PASSWORD_USER, new Quota(5, Duration.ofMinutes(1)));
        quotas.put(Bucket.TOKEN_SESSION, new Quota(30, Duration.ofMinutes(1)));
        return new RateLimits(true, quotas);
    }
}
