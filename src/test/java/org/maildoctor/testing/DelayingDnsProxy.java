package org.maildoctor.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A UDP DNS proxy on 127.0.0.1 that forwards every query to a real server and answers after a
 * fixed delay, each query on its own virtual thread so concurrent queries are delayed
 * concurrently — a stand-in for a distant resolver, to test the latency structure of a caller.
 */
public final class DelayingDnsProxy implements AutoCloseable {
    private final DatagramSocket socket;
    private final InetSocketAddress upstream;
    private final Duration delay;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger queries = new AtomicInteger();

    public DelayingDnsProxy(InetSocketAddress upstream, Duration delay) throws IOException {
        this.upstream = upstream;
        this.delay = delay;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread t = new Thread(this::serve, "delaying-dns");
        t.setDaemon(true);
        t.start();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    public int queries() {
        return queries.get();
    }

    private void serve() {
        byte[] buf = new byte[65535];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                return;
            }
            byte[] query = Arrays.copyOf(p.getData(), p.getLength());
            var client = p.getSocketAddress();
            queries.incrementAndGet();
            workers.submit(() -> {
                try (DatagramSocket up = new DatagramSocket()) {
                    Thread.sleep(delay);
                    up.setSoTimeout(2000);
                    up.send(new DatagramPacket(query, query.length, upstream));
                    byte[] answer = new byte[65535];
                    DatagramPacket r = new DatagramPacket(answer, answer.length);
                    up.receive(r);
                    socket.send(new DatagramPacket(r.getData(), r.getLength(), client));
                } catch (SocketException closed) {
                    // proxy closed while a query was in flight
                } catch (IOException | InterruptedException e) {
                    // no answer: the client times out, as with a lost packet
                }
                return null;
            });
        }
    }

    @Override
    public void close() {
        socket.close();
        workers.shutdownNow();
    }
}
