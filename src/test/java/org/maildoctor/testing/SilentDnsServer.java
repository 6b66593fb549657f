package org.maildoctor.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/** A UDP "DNS server" on 127.0.0.1 that reads every query and never answers: a timeout on demand. */
public final class SilentDnsServer implements AutoCloseable {
    private final DatagramSocket socket;
    private final AtomicInteger queries = new AtomicInteger();

    public SilentDnsServer() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread t = new Thread(this::swallow, "silent-dns");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** {@code 127.0.0.1:PORT}. */
    public String hostPort() {
        return "127.0.0.1:" + port();
    }

    public int queries() {
        return queries.get();
    }

    private void swallow() {
        byte[] buf = new byte[65535];
        while (!socket.isClosed()) {
            try {
                socket.receive(new DatagramPacket(buf, buf.length));
                queries.incrementAndGet();
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
