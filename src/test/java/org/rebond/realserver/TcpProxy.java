package org.rebond.realserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small TCP proxy of the tests' own between rebond and the server: it can cut every open
 * connection (a reset, B38) or stall them, forwarding nothing in either direction while keeping
 * them open (a half-open link or a stuck server, B38, B51). New connections always flow. What the
 * clients send is kept, as a protocol trace of the commands.
 */
final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread acceptor;
    private final StringBuffer fromClients = new StringBuffer();

    private final class Link {
        final Socket client;
        final Socket server;
        volatile boolean stalled;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void pump(Socket from, Socket to) {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (stalled) {
                        continue; // swallowed: the other side waits forever
                    }
                    if (from == client) {
                        fromClients.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the link is gone
            } finally {
                if (!stalled) {
                    close();
                }
            }
        }

        void close() {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            try {
                server.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            links.remove(this);
        }
    }

    TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "tcp-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** How many connections were accepted so far. */
    int accepted() {
        return accepted.get();
    }

    int open() {
        return links.size();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5000);
                Link link = new Link(client, server);
                links.add(link);
                accepted.incrementAndGet();
                start(() -> link.pump(client, server));
                start(() -> link.pump(server, client));
            } catch (IOException e) {
                // listener closed, or the server is down: the client sees its connection closed
            }
        }
    }

    private static void start(Runnable r) {
        Thread t = new Thread(r, "tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    /** What the clients sent since the start or the last {@link #forgetSent()}, all connections in arrival order. */
    String sentByClients() {
        return fromClients.toString();
    }

    void forgetSent() {
        fromClients.setLength(0);
    }

    /** Closes every open connection at once, as a reset would. */
    void cutAll() {
        links.forEach(Link::close);
    }

    /** Stops forwarding on every open connection, keeping them open: nothing arrives any more, in either direction. */
    void stallAll() {
        links.forEach(l -> l.stalled = true);
    }

    @Override
    public void close() throws IOException {
        listener.close();
        links.forEach(Link::close);
    }
}
