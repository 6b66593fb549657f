package org.maildoctor.transport.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * One overall time budget for a conversation: each read gets only what is left, so a server that
 * trickles a byte at a time cannot keep us past the timeout.
 */
final class Deadline {
    private final long endNanos;
    private final Duration total;

    Deadline(Duration total) {
        this.total = total;
        this.endNanos = System.nanoTime() + total.toNanos();
    }

    Duration total() {
        return total;
    }

    int remainingMillis() throws SocketTimeoutException {
        long left = (endNanos - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("no complete answer within " + total.toMillis() + " ms");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    int read(Socket socket, InputStream in, byte[] buf, int off, int len) throws IOException {
        socket.setSoTimeout(remainingMillis());
        return in.read(buf, off, len);
    }

    int read(Socket socket, InputStream in) throws IOException {
        socket.setSoTimeout(remainingMillis());
        return in.read();
    }
}
