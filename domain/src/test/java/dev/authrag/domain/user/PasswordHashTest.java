package dev.authrag.domain.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordHashTest {

    @Test
    void aPhcString_isAccepted() {
        String phc = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g";

        assertThat(new PasswordHash(phc).phc()).isEqualTo(phc);
    }

    @Test
    void aStringWithoutTheLeadingDollar_isRejected() {
        assertThatThrownBy(() -> new PasswordHash("plaintext")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void null_isRejected() {
        assertThatThrownBy(() -> new PasswordHash(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void toString_neverShowsTheHash() {
        assertThat(new PasswordHash("$argon2id$secret").toString()).doesNotContain("secret");
    }
}
