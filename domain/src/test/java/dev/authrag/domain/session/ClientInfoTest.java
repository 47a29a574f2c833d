package dev.authrag.domain.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClientInfoTest {

    @Test
    void anOrdinaryUserAgent_isKeptAsSent() {
        String agent = "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/128.0";

        ClientInfo client = new ClientInfo("203.0.113.7", agent);

        assertThat(client.userAgent()).isEqualTo(agent);
        assertThat(client.ipAddress()).isEqualTo("203.0.113.7");
    }

    @Test
    void controlCharacters_areStripped() {
        ClientInfo client = new ClientInfo(null, "Mozilla\r\n/5.0\u0000 (evil\u001B[31m)\u007F\u0085\t");

        assertThat(client.userAgent()).isEqualTo("Mozilla/5.0 (evil[31m)");
    }

    @Test
    void surroundingWhitespace_isStripped() {
        assertThat(new ClientInfo(null, "  curl/8.5.0  ").userAgent()).isEqualTo("curl/8.5.0");
    }

    @Test
    void aLongUserAgent_isCutTo512Characters() {
        assertThat(new ClientInfo(null, "a".repeat(2000)).userAgent()).hasSize(ClientInfo.MAX_USER_AGENT);
    }

    @Test
    void aUserAgentOfExactly512Characters_isKeptWhole() {
        String agent = "b".repeat(512);

        assertThat(new ClientInfo(null, agent).userAgent()).isEqualTo(agent);
    }

    @Test
    void theCutCountsCodePointsAndNeverSplitsASurrogatePair() {
        String agent = new ClientInfo(null, "\uD83D\uDE00".repeat(600)).userAgent();

        assertThat(agent.codePointCount(0, agent.length())).isEqualTo(512);
        assertThat(agent).isEqualTo("\uD83D\uDE00".repeat(512));
    }

    @Test
    void controlCharactersDoNotCountTowardsTheCap() {
        String agent = new ClientInfo(null, "\u0000".repeat(100) + "c".repeat(600)).userAgent();

        assertThat(agent).isEqualTo("c".repeat(512));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\r\n\u0000"})
    void aUserAgentWithNothingLeft_becomesUnknown(String agent) {
        assertThat(new ClientInfo(null, agent).userAgent()).isNull();
    }

    @Test
    void aMissingUserAgent_staysMissing() {
        assertThat(new ClientInfo("198.51.100.1", null).userAgent()).isNull();
    }

    @Test
    void unknown_hasNeitherAddressNorAgent() {
        assertThat(ClientInfo.unknown()).isEqualTo(new ClientInfo(null, null));
    }
}
