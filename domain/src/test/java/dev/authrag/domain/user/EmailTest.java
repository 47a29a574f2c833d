package dev.authrag.domain.user;

import dev.authrag.domain.auth.AuthException;
import dev.authrag.domain.auth.AuthException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailTest {

    @Test
    void of_trimsAndLowerCasesTheInput() {
        assertThat(Email.of("  Alice.Smith@Example.COM \t\n").value()).isEqualTo("alice.smith@example.com");
    }

    @Test
    void normalise_isWhatOfStores_evenForInputThatIsNoEmail() {
        assertThat(Email.normalise("  Alice.Smith@Example.COM \t\n")).isEqualTo(Email.of("alice.smith@example.com").value());
        assertThat(Email.normalise(" Not An Email ")).isEqualTo("not an email");
        assertThat(Email.normalise(null)).isEmpty();
    }

    @Test
    void of_givesOneValueForOneMailboxWhateverTheLetterCase() {
        assertThat(Email.of("ALICE@EXAMPLE.COM")).isEqualTo(Email.of("alice@example.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "alice@example.com",
            "a@b.co",
            "alice+news@example.com",
            "alice+news+2024@example.com",
            "first.last@mail.example.co.uk",
            "o'brien@example.ie",
            "user_name-1@sub-domain.example.org",
            "x!#$%&'*/=?^`{|}~@example.com",
            "user@example.xn--p1ai",
            "user@xn--80ak6aa92e.xn--p1ai",
            "user@123.example.com",
            "user@a1-b2.example.museum"
    })
    void of_acceptsOrdinaryAddresses(String address) {
        assertThat(Email.of(address).value()).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "alice.example.com",
            "alice@@example.com",
            "al@ice@example.com",
            "@example.com",
            "alice@",
            ".alice@example.com",
            "alice.@example.com",
            "al..ice@example.com",
            "alice@.example.com",
            "alice@example.com.",
            "alice@example..com",
            "alice@localhost",
            "alice@example.123",
            "alice@192.168.0.1",
            "alice@[192.168.0.1]",
            "alice@example.c",
            "alice@-example.com",
            "alice@example-.com",
            "al ice@example.com",
            "alice@exa mple.com",
            "alice @example.com",
            "\"alice\"@example.com",
            "\"al ice\"@example.com",
            "\"al@ice\"@example.com",
            "alice@exa_mple.com",
            "alïce@example.com",
            "alice\u0000@example.com"
    })
    void of_rejectsMalformedAddresses(String address) {
        assertThatThrownBy(() -> Email.of(address))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_EMAIL));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void of_rejectsMissingInput(String address) {
        assertThatThrownBy(() -> Email.of(address))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_EMAIL));
    }

    @Test
    void of_acceptsALocalPartOf64Characters() {
        String address = "a".repeat(64) + "@example.com";

        assertThat(Email.of(address).localPart()).hasSize(64);
    }

    @Test
    void of_rejectsALocalPartOver64Characters() {
        assertThatThrownBy(() -> Email.of("a".repeat(65) + "@example.com")).isInstanceOf(AuthException.class);
    }

    @Test
    void of_acceptsAnAddressOf254Characters() {
        String address = "a".repeat(64) + "@" + "b".repeat(61) + "." + "c".repeat(61) + "." + "d".repeat(61) + ".com";

        assertThat(address).hasSize(254);
        assertThat(Email.of(address).value()).isEqualTo(address);
    }

    @Test
    void of_rejectsAnAddressOver254Characters() {
        String address = "a".repeat(64) + "@" + "b".repeat(61) + "." + "c".repeat(61) + "." + "d".repeat(62) + ".com";

        assertThat(address).hasSize(255);
        assertThatThrownBy(() -> Email.of(address)).isInstanceOf(AuthException.class);
    }

    @Test
    void theConstructor_rejectsAValueThatIsNotNormalised() {
        assertThatThrownBy(() -> new Email("Alice@example.com"))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_EMAIL));
    }

    @Test
    void localPartAndDomain_splitAtTheAtSign() {
        Email email = Email.of("alice+news@mail.example.com");

        assertThat(email.localPart()).isEqualTo("alice+news");
        assertThat(email.domain()).isEqualTo("mail.example.com");
    }
}
