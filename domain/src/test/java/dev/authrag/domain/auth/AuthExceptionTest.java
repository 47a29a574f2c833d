package dev.authrag.domain.auth;

import dev.authrag.domain.auth.AuthException.Reason;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthExceptionTest {

    @Test
    void details_areACopyThatCannotBeChanged() {
        List<String> details = new ArrayList<>(List.of("too_short"));
        AuthException e = new AuthException(Reason.WEAK_PASSWORD, "weak", details);
        details.add("common");

        assertThat(e.details()).containsExactly("too_short");
        assertThatThrownBy(() -> e.details().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withoutDetails_theListIsEmpty() {
        AuthException e = new AuthException(Reason.EMAIL_TAKEN, "taken");

        assertThat(e.reason()).isEqualTo(Reason.EMAIL_TAKEN);
        assertThat(e.getMessage()).isEqualTo("taken");
        assertThat(e.details()).isEmpty();
    }

    @Test
    void noStackTraceIsCaptured() {
        assertThat(new AuthException(Reason.INVALID_CREDENTIALS, "no").getStackTrace()).isEmpty();
    }

    @Test
    void rateLimited_carriesItsWait_andOtherReasonsNone() {
        AuthException limited = AuthException.rateLimited("slow down", Duration.ofSeconds(7));

        assertThat(limited.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(new AuthException(Reason.INVALID_CREDENTIALS, "no").retryAfter()).isEmpty();
    }

    @Test
    void rateLimited_withoutAPositiveWait_isRejected() {
        assertThatThrownBy(() -> AuthException.rateLimited("slow down", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuthException.rateLimited("slow down", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
