package dev.authrag.adapter.web.http.request;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many reverse proxies in front of the service append the address they saw to {@code X-Forwarded-For}, and so
 * which address is the client's. With none, the socket peer: a client can write anything into the header. With N,
 * the Nth entry from the right, the one the outermost trusted proxy appended; entries further left came from the
 * client and prove nothing. A header with fewer than N entries, or an entry that is not an IP literal, falls back
 * to the peer: a forged or broken header can never choose the address, only fail to replace the peer's.
 *
 * @param hops trusted proxies, 0..{@value #MAX_HOPS}
 */
public record TrustedProxies(int hops) {

    public static final int MAX_HOPS = 10;
    public static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "\\." + OCTET + "\\." + OCTET + "\\." + OCTET + "(:\\d{1,5})?");
    // starts with a hex digit or a colon: InetAddress then treats it as a literal, never as a host name
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[([0-9A-Fa-f:][0-9A-Fa-f:.]{1,44})](:\\d{1,5})?");

    public TrustedProxies {
        if (hops < 0 || hops > MAX_HOPS) {
            throw new IllegalArgumentException("trusted proxy hops must lie between 0 and " + MAX_HOPS + "; got " + hops);
        }
    }

    public static TrustedProxies none() {
        return new TrustedProxies(0);
    }

    /**
     * @param peer         the socket peer (null when unknown)
     * @param forwardedFor every {@code X-Forwarded-For} field of the request, in order (several fields are one list)
     */
    public InetAddress clientOf(InetAddress peer, List<String> forwardedFor) {
        if (hops == 0 || forwardedFor == null || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> entries = new ArrayList<>();
        for (String field : forwardedFor) {
            if (field != null) {
                for (String entry : field.split(",", -1)) {
                    entries.add(entry.strip());
                }
            }
        }
        if (entries.size() < hops) {
            return peer;
        }
        return literal(entries.get(entries.size() - hops)).orElse(peer);
    }

    /**
     * An IPv4 or IPv6 literal, optionally with a port ({@code 203.0.113.7:4711}, {@code [2001:db8::7]:443}); never a
     * host name, so parsing never reaches DNS. IPv4-mapped IPv6 addresses come back as IPv4.
     */
    static Optional<InetAddress> literal(String entry) {
        if (entry == null || entry.isEmpty()) {
            return Optional.empty();
        }
        Matcher v4 = IPV4.matcher(entry);
        if (v4.matches()) {
            if (!isPort(v4.group(5))) {
                return Optional.empty();
            }
            byte[] octets = new byte[4];
            for (int i = 0; i < 4; i++) {
                octets[i] = (byte) Integer.parseInt(v4.group(i + 1));
            }
            return address(octets);
        }
        Matcher bracketed = BRACKETED_IPV6.matcher(entry);
        String v6 = bracketed.matches() ? bracketed.group(1) : entry;
        if (bracketed.matches() && !isPort(bracketed.group(2))) {
            return Optional.empty();
        }
        if (v6.indexOf(':') < 0 || !IPV6.matcher(v6).matches()) {
            return Optional.empty();
        }
        try {
            // a string that starts with a hex digit or colon and contains a colon is parsed as an IPv6 literal or
            // refused, never looked up (see InetAddress.getAllByName)
            return Optional.of(InetAddress.getByName(v6));
        } catch (UnknownHostException | IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** The address in the form rate limits group by: IPv4 as is, IPv6 by its /64 (one subscriber's usual share). */
    public static String network(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            if (isIpv4Mapped(bytes)) {
                return address(new byte[]{bytes[12], bytes[13], bytes[14], bytes[15]}).orElseThrow().getHostAddress();
            }
            byte[] prefix = new byte[16];
            System.arraycopy(bytes, 0, prefix, 0, 8);
            return address(prefix).orElseThrow().getHostAddress() + "/64";
        }
        return address.getHostAddress();
    }

    /** No port, or a ":port" within 0..65535. */
    private static boolean isPort(String colonAndPort) {
        return colonAndPort == null || Integer.parseInt(colonAndPort.substring(1)) <= 65_535;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static Optional<InetAddress> address(byte[] bytes) {
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException impossible) {
            return Optional.empty();
        }
    }
}
