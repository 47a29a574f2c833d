package dev.authrag.adapter.web.crypto.password;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CommonPasswordsTest {

    private static final CommonPasswords ZXCVBN = CommonPasswords.zxcvbn();

    @Test
    void zxcvbn_holdsAtLeastTenThousandPasswords() {
        assertThat(ZXCVBN.size()).isGreaterThanOrEqualTo(CommonPasswords.MINIMUM_ENTRIES).isEqualTo(30_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456", "password", "password123", "qwerty123", "iloveyou", "trustno1", "letmein",
            "1qaz2wsx", "sunshine"})
    void zxcvbn_containsTheUsualSuspects(String password) {
        assertThat(ZXCVBN.test(password)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PASSWORD123", "IloveYou", "QwErTy123"})
    void test_ignoresLetterCase(String password) {
        assertThat(ZXCVBN.test(password)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery staple", "vq7#Lm2!pZ", "password123!x", ""})
    void test_letsUncommonPasswordsThrough(String password) {
        assertThat(ZXCVBN.test(password)).isFalse();
    }

    @Test
    void read_lowerCasesAndSkipsBlankLines() throws Exception {
        CommonPasswords list = CommonPasswords.read(new ByteArrayInputStream(
                "Hunter2\n\n  Dragon  \nmonkey\r\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(list.size()).isEqualTo(3);
        assertThat(list.test("hunter2")).isTrue();
        assertThat(list.test("DRAGON")).isTrue();
        assertThat(list.test("monkey")).isTrue();
        assertThat(list.test("")).isFalse();
    }
}
