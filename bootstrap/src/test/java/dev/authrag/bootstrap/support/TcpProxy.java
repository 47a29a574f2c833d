package dev.authrag.bootstrap.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on the loopback between the service and its database, which a test can cut and restore: the network
 * between them failing, without touching the database server itself. A thread per direction of each connection.
 *
 * <p>{@link #cut()} closes every relayed connection (the driver sees its socket die) and from then on accepts new
 * connections but never answers on them: a black hole, the harder case, since only the driver's and the pool's
 * time-outs end a connection attempt. {@link #restore()} drops the black-holed connections and relays again.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final Set<Socket> relayed = ConcurrentHashMap.newKeySet();
    private final Set<Socket> blackHoled = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile boolean closed;

    private TcpProxy(ServerSocket listener, InetSocketAddress upstream) {
        this.listener = listener;
        this.upstream = upstream;
    }

    /** Listens on an ephemeral loopback port and relays to {@code host:port}. */
    public static TcpProxy to(String host, int port) {
        try {
            ServerSocket listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
            TcpProxy proxy = new TcpProxy(listener, new InetSocketAddress(host, port));
            Thread acceptor = new Thread(proxy::acceptLoop, "tcp-proxy-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Every open connection dies now; new ones are accepted and then ignored. */
    public void cut() {
        cut = true;
        relayed.forEach(TcpProxy::closeQuietly);
        relayed.clear();
    }

    /** New connections reach the database again; those accepted while cut are closed. */
    public void restore() {
        blackHoled.forEach(TcpProxy::closeQuietly);
        blackHoled.clear();
        cut = false;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (cut) {
                blackHoled.add(client);
                continue;
            }
            try {
                Socket server = new Socket();
                server.connect(upstream, 2000);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                relayed.add(client);
                relayed.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side or a cut closed the connection
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                relayed.remove(from);
                relayed.remove(to);
            }
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        cut();
        restore();
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
