package dev.authrag.domain.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitsTest {

    private static final Quota QUOTA = new Quota(10, Duration.ofMinutes(1));

    @Test
    void enabled_needsAQuotaForEveryBucket() {
        assertThatThrownBy(() -> new RateLimits(true, Map.of(Bucket.SIGNIN_IP, QUOTA)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quota_isTheOneConfiguredForTheBucket() {
        Map<Bucket, Quota> quotas = new EnumMap<>(Bucket.class);
        for (Bucket bucket : Bucket.values()) {
            quotas.put(bucket, new Quota(bucket.ordinal() + 1, Duration.ofMinutes(1)));
        }
        RateLimits limits = new RateLimits(true, quotas);
        quotas.clear();

        assertThat(limits.quota(Bucket.REGISTER_IP)).isEqualTo(new Quota(Bucket.REGISTER_IP.ordinal() + 1, Duration.ofMinutes(1)));
    }

    @Test
    void switchedOff_needsNoQuotas() {
        assertThat(new RateLimits(false, Map.of()).enabled()).isFalse();
    }

    @Test
    void policyNames_areStableAndDistinct() {
        assertThat(Bucket.SIGNIN_IP.policyName()).isEqualTo("signin-ip");
        assertThat(Bucket.SIGNIN_EMAIL.policyName()).isEqualTo("signin-email");
        assertThat(Bucket.REGISTER_IP.policyName()).isEqualTo("register-ip");
        assertThat(Bucket.CHAT_USER.policyName()).isEqualTo("chat-user");
    }
}
