package dev.authrag.adapter.web.http.session;

import dev.authrag.adapter.web.http.session.SessionCookie.SameSite;
import dev.authrag.domain.session.SessionToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.security.SecureRandom;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionCookieTest {

    private static final Duration SEVEN_DAYS = Duration.ofDays(7);

    private final SessionToken token = SessionToken.generate(new SecureRandom());

    @Test
    void issue_withLaxForSevenDays_writesTheExactSetCookieValue() {
        String header = new SessionCookie(SameSite.LAX, SEVEN_DAYS).issue(token);

        assertThat(header).isEqualTo("session_token=" + token.reveal()
                + "; Max-Age=604800; Path=/; Secure; HttpOnly; SameSite=Lax");
    }

    @Test
    void issue_withSameSiteNone_addsPartitioned() {
        String header = new SessionCookie(SameSite.NONE, SEVEN_DAYS).issue(token);

        assertThat(header).isEqualTo("session_token=" + token.reveal()
                + "; Max-Age=604800; Path=/; Secure; HttpOnly; SameSite=None; Partitioned");
    }

    @Test
    void issue_withSameSiteStrict_writesStrictWithoutPartitioned() {
        String header = new SessionCookie(SameSite.STRICT, Duration.ofHours(1)).issue(token);

        assertThat(header).isEqualTo("session_token=" + token.reveal()
                + "; Max-Age=3600; Path=/; Secure; HttpOnly; SameSite=Strict");
    }

    @Test
    void clear_writesAnEmptyValueThatExpiresAtOnce() {
        assertThat(new SessionCookie(SameSite.LAX, SEVEN_DAYS).clear())
                .isEqualTo("session_token=; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=Lax");
        assertThat(new SessionCookie(SameSite.NONE, SEVEN_DAYS).clear())
                .isEqualTo("session_token=; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=None; Partitioned");
    }

    @ParameterizedTest
    @CsvSource({"Lax, LAX", "lax, LAX", "LAX, LAX", "Strict, STRICT", "sTrIcT, STRICT", "none, NONE", "' None ', NONE"})
    void sameSiteParse_ignoresLetterCase(String value, SameSite expected) {
        assertThat(SameSite.parse(value)).isEqualTo(expected);
    }

    @Test
    void sameSiteParse_ofAnUnknownValue_isRejected() {
        assertThatThrownBy(() -> SameSite.parse("sideways")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SameSite.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SameSite.parse(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void sessionCookie_withoutSameSiteOrMaxAge_isRejected() {
        assertThatThrownBy(() -> new SessionCookie(null, SEVEN_DAYS)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SessionCookie(SameSite.LAX, null)).isInstanceOf(NullPointerException.class);
    }
}
