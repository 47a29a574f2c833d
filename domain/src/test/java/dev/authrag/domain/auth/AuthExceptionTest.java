package dev.authrag.domain.auth;

import dev.authrag.domain.auth.AuthException.Reason;
import org.junit.jupiter.api.Test;

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
}
