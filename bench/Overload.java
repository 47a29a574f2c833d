import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

/**
 * Overload generator for sign-in: N keep-alive connections on one thread (non-blocking I/O, so the generator takes
 * a small share of a core, unlike one thread per connection), each sending the next sign-in as soon as its previous
 * answer arrived. Counts admitted (200/401) and shed (503) answers and prints the latency percentiles of the admitted
 * ones, which wrk cannot separate by status. With "obey", a connection that got 503 waits its Retry-After first.
 *
 *   java bench/Overload.java <port> <users> <seconds> <connections> ignore|obey
 *
 * Prints one JSON line. Run with the JDK's source launcher; it is not part of the build.
 */
public final class Overload {

    private static final class Connection {
        final SocketChannel channel;
        final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        ByteBuffer out;
        long sentAt;
        long resumeAt; // obeying Retry-After: not before this nanoTime
        int next;

        Connection(SocketChannel channel, int first) {
            this.channel = channel;
            this.next = first;
        }
    }

    private static byte[][] requests;
    private static long[] admitted = new long[1 << 16];
    private static int admittedCount;
    private static long shed;
    private static long other;
    private static boolean retryAfterOnEvery503 = true;

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        int users = Integer.parseInt(args[1]);
        double seconds = Double.parseDouble(args[2]);
        int connections = Integer.parseInt(args[3]);
        boolean obey = args.length > 4 && args[4].equals("obey");
        String password = System.getenv().getOrDefault("PASSWORD", "correct horse battery staple");

        requests = new byte[users][];
        for (int i = 0; i < users; i++) {
            String body = "{\"email\":\"bench-" + i + "@example.com\",\"password\":\"" + password + "\"}";
            requests[i] = ("POST /api/auth/sign-in HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                    + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
        }

        Selector selector = Selector.open();
        Connection[] all = new Connection[connections];
        for (int i = 0; i < connections; i++) {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            all[i] = new Connection(channel, i % users);
            channel.register(selector, 0, all[i]);
            send(all[i], selector);
        }

        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            selector.select(10);
            long now = System.nanoTime();
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                Connection c = (Connection) key.attachment();
                if (key.isWritable()) {
                    c.channel.write(c.out);
                    if (!c.out.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                }
                if (key.isValid() && key.isReadable()) {
                    if (c.channel.read(c.in) < 0) {
                        throw new IOException("the server closed a connection");
                    }
                    int status = complete(c.in);
                    if (status == 0) {
                        continue; // the answer is not complete yet
                    }
                    long latency = now - c.sentAt;
                    if (status == 200 || status == 401) {
                        record(latency);
                    } else if (status == 503) {
                        shed++;
                        long retryAfter = header(c.in, "retry-after");
                        retryAfterOnEvery503 &= retryAfter >= 0;
                        if (obey && retryAfter > 0) {
                            c.resumeAt = now + retryAfter * 1_000_000_000L;
                        }
                    } else {
                        other++;
                    }
                    c.in.clear();
                    if (c.resumeAt <= now) {
                        send(c, selector);
                    } else {
                        key.interestOps(0);
                    }
                }
            }
            for (Connection c : all) {
                if (c.resumeAt != 0 && c.resumeAt <= now) {
                    c.resumeAt = 0;
                    send(c, selector);
                }
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = Arrays.copyOf(admitted, admittedCount);
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "{\"admitted\": %d, \"shed\": %d, \"other\": %d, \"retry_after_on_503\": %s, "
                        + "\"admitted_per_s\": %.1f, \"shed_per_s\": %.0f, \"p50_ms\": %.1f, \"p99_ms\": %.1f, \"max_ms\": %.1f}%n",
                admittedCount, shed, other, retryAfterOnEvery503, admittedCount / elapsed, shed / elapsed,
                percentile(sorted, 0.50), percentile(sorted, 0.99), percentile(sorted, 1.0));
        System.exit(0); // connections still in flight are left to the OS
    }

    private static void send(Connection c, Selector selector) throws IOException {
        c.out = ByteBuffer.wrap(requests[c.next]);
        c.next = (c.next + 1) % requests.length;
        c.sentAt = System.nanoTime();
        c.channel.write(c.out);
        c.channel.keyFor(selector).interestOps(c.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    private static void record(long latency) {
        if (admittedCount == admitted.length) {
            admitted = Arrays.copyOf(admitted, admitted.length * 2);
        }
        admitted[admittedCount++] = latency;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    /** The status code once the buffer holds a whole answer (headers and Content-Length body), else 0. */
    private static int complete(ByteBuffer in) {
        int end = headerEnd(in);
        if (end < 0) {
            return 0;
        }
        if (header(in, "transfer-encoding") != -1) {
            throw new IllegalStateException("chunked answers are not supported by this generator");
        }
        long length = header(in, "content-length");
        if (in.position() < end + Math.max(0, length)) {
            return 0;
        }
        String statusLine = new String(in.array(), 0, 12, StandardCharsets.ISO_8859_1);
        return Integer.parseInt(statusLine.substring(9, 12));
    }

    private static int headerEnd(ByteBuffer in) {
        byte[] b = in.array();
        for (int i = 3; i < in.position(); i++) {
            if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    /** A numeric header's value, -1 when absent (transfer-encoding: 0 when present). */
    private static long header(ByteBuffer in, String name) {
        int end = headerEnd(in);
        String head = new String(in.array(), 0, end, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        int at = head.indexOf("\r\n" + name + ":");
        if (at < 0) {
            return -1;
        }
        int from = at + name.length() + 3;
        String value = head.substring(from, head.indexOf("\r\n", from)).trim();
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notNumeric) {
            return 0;
        }
    }
}
