package dev.authrag.bootstrap.settings;

import dev.authrag.bootstrap.settings.Setting.InvalidSettingException;
import dev.authrag.domain.ratelimit.Quota;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "30s    | PT30S",
            "15m    | PT15M",
            "1h     | PT1H",
            "7d     | PT168H",
            "250ms  | PT0.25S",
            "PT15M  | PT15M",
            "pt15m  | PT15M",
            "P1D    | PT24H",
            "' 5M ' | PT5M",
            "'10 s' | PT10S"})
    void duration_ofASimpleOrIsoValue_parses(String value, Duration expected) {
        assertThat(Setting.duration("SESSION_IDLE_TIMEOUT", value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"0s", "0ms", "PT0S", "-5s", "PT-5M", "abc", "", "   ", "15", "15 minutes", "1w", "1.5h"})
    void duration_ofAZeroNegativeOrMalformedValue_isRejectedNamingTheVariable(String value) {
        assertThatThrownBy(() -> Setting.duration("SESSION_IDLE_TIMEOUT", value))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("SESSION_IDLE_TIMEOUT");
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "64, 64", "' 8 ', 8", "32, 32"})
    void integer_withinBounds_parses(String value, int expected) {
        assertThat(Setting.integer("PASSWORD_HASH_THREADS", value, 1, 64)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65", "-1", "2147483648"})
    void integer_outsideBounds_isRejectedNamingTheVariableAndBounds(String value) {
        assertThatThrownBy(() -> Setting.integer("PASSWORD_HASH_THREADS", value, 1, 64))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("PASSWORD_HASH_THREADS");
    }

    @Test
    void integer_outsideBounds_saysWhichBounds() {
        assertThatThrownBy(() -> Setting.integer("PASSWORD_HASH_THREADS", "65", 1, 64))
                .hasMessageContaining("1")
                .hasMessageContaining("64");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "abc", "4.5", "8 threads", "0x10"})
    void integer_ofGarbage_isRejectedNamingTheVariable(String value) {
        assertThatThrownBy(() -> Setting.integer("PASSWORD_HASH_QUEUE", value, 1, 10_000))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("PASSWORD_HASH_QUEUE");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "10/5m     | 10 | PT5M",
            "5/1m      | 5  | PT1M",
            "' 10/1h ' | 10 | PT1H",
            "100/PT30S | 100| PT30S",
            "1/31d     | 1  | PT744H"})
    void quota_ofAttemptsAndAWindow_parses(String value, int limit, Duration window) {
        assertThat(Setting.quota("RATE_LIMIT_SIGNIN_PER_IP", value)).isEqualTo(new Quota(limit, window));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "10", "/5m", "10/", "0/5m", "-1/5m", "10/0s", "10/500ms", "10/1500ms", "10/32d", "ten/5m",
            "10/5 minutes", "10 per 5m", "10/5m/1h", "100001/1h"})
    void quota_malformed_isRejectedNamingTheVariable(String value) {
        assertThatThrownBy(() -> Setting.quota("RATE_LIMIT_SIGNIN_PER_IP", value))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("RATE_LIMIT_SIGNIN_PER_IP");
    }

    @ParameterizedTest
    @CsvSource({"true, true", "TRUE, true", "' false ', false", "False, false"})
    void flag_trueOrFalse_parses(String value, boolean expected) {
        assertThat(Setting.flag("RATE_LIMIT_ENABLED", value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "yes", "1", "on", "truee"})
    void flag_anythingElse_isRejectedNamingTheVariable(String value) {
        assertThatThrownBy(() -> Setting.flag("RATE_LIMIT_ENABLED", value))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("RATE_LIMIT_ENABLED");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5MiB     | 5242880",
            "5 mib    | 5242880",
            "512KiB   | 524288",
            "1GiB     | 1073741824",
            "1000     | 1000",
            "'1000 B' | 1000"})
    void bytes_ofABinaryUnitOrAPlainNumber_parses(String value, long expected) {
        assertThat(Setting.bytes("INGEST_MAX_FILE_SIZE", value, 1, 1L << 30)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "5MB", "5M", "1.5MiB", "-1", "0", "2GiB", "99999999999GiB", "lots"})
    void bytes_ofAMalformedOrOutOfRangeValue_isRejectedNamingTheVariable(String value) {
        assertThatThrownBy(() -> Setting.bytes("INGEST_MAX_FILE_SIZE", value, 1, 1L << 30))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("INGEST_MAX_FILE_SIZE");
    }
}
