package dev.authrag.adapter.web.http.ratelimit;

import dev.authrag.domain.ratelimit.Admission;
import dev.authrag.domain.ratelimit.Bucket;
import dev.authrag.domain.ratelimit.Quota;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitHeadersTest {

    private static final Quota SIGNIN_IP = new Quota(10, Duration.ofMinutes(5));
    private static final Quota SIGNIN_EMAIL = new Quota(5, Duration.ofMinutes(1));

    @Test
    void policy_listsEveryLimitOfTheRoute_withQuotaAndWindowInSeconds() {
        String policy = RateLimitHeaders.policy(List.of(Bucket.SIGNIN_IP, Bucket.SIGNIN_EMAIL),
                Map.of(Bucket.SIGNIN_IP, SIGNIN_IP, Bucket.SIGNIN_EMAIL, SIGNIN_EMAIL));

        assertThat(policy).isEqualTo("\"signin-ip\";q=10;w=300, \"signin-email\";q=5;w=60");
    }

    @Test
    void state_givesWhatIsLeft_andTheSecondsUntilMore_roundedUp() {
        String state = RateLimitHeaders.state(List.of(
                new Admission(Bucket.SIGNIN_IP, SIGNIN_IP, true, 7, Duration.ofMillis(29_500)),
                new Admission(Bucket.SIGNIN_EMAIL, SIGNIN_EMAIL, false, 0, Duration.ofSeconds(12))));

        assertThat(state).isEqualTo("\"signin-ip\";r=7;t=30, \"signin-email\";r=0;t=12");
    }
}
