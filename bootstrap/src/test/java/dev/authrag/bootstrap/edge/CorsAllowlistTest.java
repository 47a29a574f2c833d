package dev.authrag.bootstrap.edge;

import dev.authrag.bootstrap.settings.Setting.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorsAllowlistTest {

    @Test
    void parse_trimsEachOrigin_andSkipsEmptyEntries() {
        assertThat(CorsAllowlist.parse(" https://app.example.com ,, http://localhost:5173 ,"))
                .containsExactly("https://app.example.com", "http://localhost:5173");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", ","})
    void parse_ofNothing_isNoOrigin(String value) {
        assertThat(CorsAllowlist.parse(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "https://*.example.com", "https://app.example.com, *"})
    void aWildcard_isRefusedNamingTheVariable(String value) {
        assertThatThrownBy(() -> CorsAllowlist.parse(value))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("CORS_ALLOWED_ORIGINS")
                .hasMessageContaining("wildcard");
    }

    @ParameterizedTest
    @ValueSource(strings = {"app.example.com", "https://app.example.com/", "https://app.example.com/path", "ftp://example.com",
            "https://user@app.example.com", "https://App.Example.com", "null", "https://app.example.com?x=1", "https://"})
    void somethingThatIsNotAnExactOrigin_isRefusedNamingTheVariable(String value) {
        assertThatThrownBy(() -> CorsAllowlist.parse(value))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("CORS_ALLOWED_ORIGINS");
    }
}
