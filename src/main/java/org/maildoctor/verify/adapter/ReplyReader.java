package org.maildoctor.verify.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one SMTP reply (RFC 5321 §4.2: {@code code[-| ]text} lines, the last with a space) from an
 * untrusted server with hard bounds: a line longer than {@link #MAX_LINE}, more than
 * {@link #MAX_LINES} lines, or a reply that takes longer than the deadline ends the read with a
 * {@link BadReply}, so a 10 MB banner or a reply that never ends cannot hold the prober.
 */
final class ReplyReader {
    /** RFC 5321 §4.5.3.1.5 allows 512 octets per reply line; real servers stay well below 2 KB. */
    static final int MAX_LINE = 2048;
    static final int MAX_LINES = 64;

    /** The server's bytes are not an SMTP reply (or too big to be one). */
    static final class BadReply extends IOException {
        BadReply(String message) {
            super(message);
        }
    }

    /** The lines of one reply, each with its code; all share {@code code}. */
    record RawReply(int code, List<String> lines) {
    }

    private final InputStream in;

    ReplyReader(InputStream in) {
        this.in = in;
    }

    RawReply read(long deadlineNanos) throws IOException {
        List<String> lines = new ArrayList<>();
        int code = -1;
        while (true) {
            String line = readLine(deadlineNanos);
            if (line.length() < 3 || !Character.isDigit(line.charAt(0)) || !Character.isDigit(line.charAt(1))
                    || !Character.isDigit(line.charAt(2)) || line.length() > 3 && line.charAt(3) != ' '
                    && line.charAt(3) != '-') {
                throw new BadReply("not an SMTP reply: \"" + printable(line) + "\"");
            }
            int c = Integer.parseInt(line.substring(0, 3));
            if (code >= 0 && c != code) {
                throw new BadReply("reply lines with different codes (" + code + ", " + c + ")");
            }
            code = c;
            lines.add(line);
            if (lines.size() > MAX_LINES) {
                throw new BadReply("reply of more than " + MAX_LINES + " lines");
            }
            if (line.length() == 3 || line.charAt(3) == ' ') {
                return new RawReply(code, lines);
            }
        }
    }

    private String readLine(long deadlineNanos) throws IOException {
        byte[] buf = new byte[MAX_LINE];
        int n = 0;
        while (true) {
            if (System.nanoTime() > deadlineNanos) {
                throw new SocketTimeoutException("reply not complete in time");
            }
            int b = in.read();
            if (b < 0) {
                throw new java.io.EOFException(n == 0 ? "connection closed by the server"
                        : "connection closed in the middle of a reply");
            }
            if (b == '\n') {
                int len = n > 0 && buf[n - 1] == '\r' ? n - 1 : n;
                return new String(buf, 0, len, StandardCharsets.UTF_8);
            }
            if (n == MAX_LINE) {
                throw new BadReply("reply line longer than " + MAX_LINE + " bytes");
            }
            buf[n++] = (byte) b;
        }
    }

    static String printable(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        StringBuilder sb = new StringBuilder();
        for (char ch : t.toCharArray()) {
            sb.append(ch < 0x20 || ch == 0x7f ? '?' : ch);
        }
        return sb.toString();
    }
}
