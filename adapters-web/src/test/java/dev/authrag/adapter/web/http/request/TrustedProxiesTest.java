package dev.authrag.adapter.web.http.request;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTest {

    private static final InetAddress PEER = ip("10.0.0.2");

    @Test
    void withoutTrustedHops_theHeaderChangesNothing() {
        assertThat(TrustedProxies.none().clientOf(PEER, List.of("203.0.113.7"))).isEqualTo(PEER);
        assertThat(TrustedProxies.none().clientOf(PEER, List.of("203.0.113.7, 198.51.100.4"))).isEqualTo(PEER);
    }

    @Test
    void withOneHop_theRightmostEntry_isTheClient() {
        TrustedProxies one = new TrustedProxies(1);

        assertThat(one.clientOf(PEER, List.of("203.0.113.7"))).isEqualTo(ip("203.0.113.7"));
        assertThat(one.clientOf(PEER, List.of("6.6.6.6, 203.0.113.7"))).as("the client's own entries are ignored")
                .isEqualTo(ip("203.0.113.7"));
    }

    @Test
    void withTwoHops_theSecondFromTheRight_isTheClient() {
        assertThat(new TrustedProxies(2).clientOf(PEER, List.of("6.6.6.6, 203.0.113.7, 10.1.1.1")))
                .isEqualTo(ip("203.0.113.7"));
    }

    @Test
    void severalHeaderFields_areOneList() {
        assertThat(new TrustedProxies(2).clientOf(PEER, List.of("6.6.6.6, 203.0.113.7", "10.1.1.1")))
                .isEqualTo(ip("203.0.113.7"));
    }

    @Test
    void fewerEntriesThanTrustedHops_fallBackToThePeer() {
        assertThat(new TrustedProxies(3).clientOf(PEER, List.of("203.0.113.7, 10.1.1.1"))).isEqualTo(PEER);
    }

    @Test
    void noHeader_fallsBackToThePeer() {
        assertThat(new TrustedProxies(1).clientOf(PEER, List.of())).isEqualTo(PEER);
        assertThat(new TrustedProxies(1).clientOf(PEER, null)).isEqualTo(PEER);
        assertThat(new TrustedProxies(1).clientOf(null, List.of())).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "unknown", "localhost", "example.com", "_hidden", "203.0.113", "203.0.113.256",
            "203.0.113.07", "1.2.3.4.5", "0x7f.0.0.1", "2130706433", "fe80::1%eth0", "[2001:db8::1", "2001:db8:::1:2:3:4:5:6:7",
            "gggg::1", ".:", "::ffff:999.1.1.1", "203.0.113.7:99999", "\u0000", "203.0.113.7\u00a0", "１.２.３.４"})
    void aMalformedEntry_fallsBackToThePeer(String entry) {
        assertThat(new TrustedProxies(1).clientOf(PEER, List.of("198.51.100.4, " + entry))).isEqualTo(PEER);
    }

    @Test
    void aHugeHeader_isParsedWithoutTrouble() {
        String[] entries = new String[5_000];
        Arrays.fill(entries, "6.6.6.6");
        entries[entries.length - 1] = "203.0.113.7";

        assertThat(new TrustedProxies(1).clientOf(PEER, List.of(String.join(",", entries)))).isEqualTo(ip("203.0.113.7"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "203.0.113.7         | 203.0.113.7",
            "' 203.0.113.7 '     | 203.0.113.7",
            "203.0.113.7:4711    | 203.0.113.7",
            "2001:db8::7         | 2001:db8:0:0:0:0:0:7",
            "2001:DB8::7         | 2001:db8:0:0:0:0:0:7",
            "[2001:db8::7]       | 2001:db8:0:0:0:0:0:7",
            "[2001:db8::7]:443   | 2001:db8:0:0:0:0:0:7",
            "::ffff:203.0.113.7  | 203.0.113.7",
            "::1                 | 0:0:0:0:0:0:0:1"})
    void anIpLiteral_withOrWithoutAPort_isAccepted(String entry, String expected) {
        assertThat(new TrustedProxies(1).clientOf(PEER, List.of(entry)).getHostAddress()).isEqualTo(expected);
    }

    @Test
    void hopsOutsideTheirRange_areRejected() {
        assertThatThrownBy(() -> new TrustedProxies(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrustedProxies(TrustedProxies.MAX_HOPS + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void network_ofAnIpv6Address_isItsSlash64() {
        assertThat(TrustedProxies.network(ip("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(TrustedProxies.network(ip("2001:db8:1:2::1")))
                .isEqualTo(TrustedProxies.network(ip("2001:db8:1:2:ffff:ffff:ffff:ffff")));
        assertThat(TrustedProxies.network(ip("2001:db8:1:2::1"))).isNotEqualTo(TrustedProxies.network(ip("2001:db8:1:3::1")));
    }

    @Test
    void network_ofAnIpv4Address_isTheAddressItself() {
        assertThat(TrustedProxies.network(ip("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(TrustedProxies.network(ip("203.0.113.8"))).isNotEqualTo(TrustedProxies.network(ip("203.0.113.7")));
    }

    @Test
    void network_ofAnIpv4MappedIpv6Address_isTheIpv4Address() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) 203;
        mapped[13] = 0;
        mapped[14] = 113;
        mapped[15] = 7;
        InetAddress v6 = java.net.Inet6Address.getByAddress(null, mapped, -1);

        assertThat(TrustedProxies.network(v6)).isEqualTo("203.0.113.7");
    }

    private static InetAddress ip(String literal) {
        return TrustedProxies.literal(literal).orElseThrow(() -> new AssertionError("not a literal: " + literal));
    }
}
