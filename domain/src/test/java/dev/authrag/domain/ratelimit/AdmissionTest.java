package dev.authrag.domain.ratelimit;

import dev.authrag.domain.auth.AuthException;
import dev.authrag.domain.auth.AuthException.Reason;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AdmissionTest {

    private static final Quota QUOTA = new Quota(5, Duration.ofMinutes(1));

    @Test
    void secondsUntilMore_roundsUp_soThatAClientWaitingThatLongIsNotEarly() {
        assertThat(refused(Duration.ofMillis(11_001)).secondsUntilMore()).isEqualTo(12);
        assertThat(refused(Duration.ofSeconds(12)).secondsUntilMore()).isEqualTo(12);
    }

    @Test
    void secondsUntilMore_ofARefusal_isAtLeastOne() {
        assertThat(refused(Duration.ofNanos(1_000)).secondsUntilMore()).isEqualTo(1);
    }

    @Test
    void requireAllowed_ofAnAdmittedAttempt_passes() {
        Admission admitted = new Admission(Bucket.SIGNIN_EMAIL, QUOTA, true, 3, Duration.ofSeconds(4));

        assertThatCode(admitted::requireAllowed).doesNotThrowAnyException();
    }

    @Test
    void requireAllowed_ofARefusal_throwsRateLimitedWithTheWaitInWholeSeconds() {
        AuthException e = catchThrowableOfType(() -> refused(Duration.ofMillis(2_500)).requireAllowed(), AuthException.class);

        assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(e.getMessage()).isEqualTo("Too many sign-in attempts for this email address. Try again in 3 seconds.");
    }

    @Test
    void aRefusalWithQuotaLeft_isInconsistent() {
        assertThat(catchThrowableOfType(() -> new Admission(Bucket.SIGNIN_IP, QUOTA, false, 2, Duration.ofSeconds(1)),
                IllegalArgumentException.class)).isNotNull();
        assertThat(catchThrowableOfType(() -> new Admission(Bucket.SIGNIN_IP, QUOTA, true, 6, Duration.ofSeconds(1)),
                IllegalArgumentException.class)).isNotNull();
    }

    private static Admission refused(Duration wait) {
        return new Admission(Bucket.SIGNIN_EMAIL, QUOTA, false, 0, wait);
    }
}
