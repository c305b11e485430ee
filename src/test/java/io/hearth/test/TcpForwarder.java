package io.hearth.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP pass-through on loopback, for a test to take "the network to the database" away and give it back without
 * stopping the shared PostgreSQL server: {@link #cut()} drops every open connection and refuses new ones. (Toxiproxy
 * would do this as a server of its own to install; a socket pump is all these tests need.)
 */
public final class TcpForwarder implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean cut;
    private volatile byte[] cutAt;

    public TcpForwarder(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "tcp-forwarder");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * For a {@code @DynamicPropertySource} method: the portal of the test class reaches its database through a new
     * forwarder (skipped unless the tests run on PostgreSQL).
     */
    public static TcpForwarder forPortalDatabase(org.springframework.test.context.DynamicPropertyRegistry registry) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabase.onPostgres(), "cuts a PostgreSQL connection");
        TcpForwarder forwarder = new TcpForwarder(java.net.URI.create(TestDatabase.serverUrl().substring("jdbc:".length())).getPort());
        registry.add(TestDatabase.PORT_OVERRIDE, forwarder::port);
        return forwarder;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Drops every connection now open and refuses new ones, as a stopped database server would. */
    public void cut() {
        cut = true;
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    public void restore() {
        cut = false;
        cutAt = null;
    }

    /**
     * Cuts (as {@link #cut()}) the moment the application sends these bytes to the database, before they arrive: with
     * a statement's text ("insert into message ("), that is in the middle of its transaction.
     */
    public void cutWhenSent(String statementText) {
        cutAt = statementText.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        cut();
        closeQuietly(listener);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    client.close();
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(server);
                pump(client, server, true);
                pump(server, client, false);
            } catch (IOException e) {
                // the listener closed, or the target refused: the client sees its connection end
            }
        }
    }

    private void pump(Socket from, Socket to, boolean towardsDatabase) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read; (read = in.read(buffer)) >= 0;) {
                    byte[] marker = cutAt;
                    if (towardsDatabase && marker != null && contains(buffer, read, marker)) {
                        cut();
                        return;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-forwarder-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the chunk holds the marker (a statement's text travels in one chunk: it is sent in one protocol message). */
    private static boolean contains(byte[] chunk, int length, byte[] marker) {
        outer:
        for (int start = 0; start + marker.length <= length; start++) {
            for (int i = 0; i < marker.length; i++) {
                if (chunk[start + i] != marker[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
