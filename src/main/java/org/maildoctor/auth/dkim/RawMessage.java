package org.maildoctor.auth.dkim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A message split into header fields and body by hand. A MIME library would decode, re-fold or
 * re-encode, and DKIM signs exact bytes (RFC 6376 3.4), so this small splitter keeps every byte.
 *
 * <p>Line endings: bare LF and bare CR are turned into CRLF before splitting. RFC 6376 5.3 says
 * messages in a local line-ending convention are to be converted to CRLF before canonicalization;
 * like dkimpy, mailauth and OpenDKIM we apply that to every input, so a message saved with Unix line
 * ends verifies the same as the wire form. The splitter is linear in the input and never fails: a
 * line without a colon becomes a field whose name is the whole line (it can match no {@code h=} entry).
 */
public record RawMessage(List<HeaderField> headers, byte[] body) {

    public RawMessage {
        headers = List.copyOf(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body without a defensive copy, for canonicalizers that only read it. */
    byte[] bodyView() {
        return body;
    }

    /** Parses any bytes; never throws. */
    public static RawMessage parse(byte[] message) {
        byte[] m = normalizeLineEndings(message);
        List<HeaderField> headers = new ArrayList<>();
        int pos = 0;
        StringBuilder current = null;
        while (pos < m.length) {
            int eol = indexOfCrlf(m, pos);
            int lineEnd = eol < 0 ? m.length : eol;
            int next = eol < 0 ? m.length : eol + 2;
            if (lineEnd == pos) { // the empty line: the body follows
                flush(headers, current);
                byte[] body = java.util.Arrays.copyOfRange(m, next, m.length);
                return new RawMessage(headers, body);
            }
            String line = new String(m, pos, lineEnd - pos, StandardCharsets.ISO_8859_1);
            boolean continuation = m[pos] == ' ' || m[pos] == '\t';
            if (continuation && current != null) {
                current.append("\r\n").append(line);
            } else {
                flush(headers, current);
                current = new StringBuilder(line);
            }
            pos = next;
        }
        flush(headers, current);
        return new RawMessage(headers, new byte[0]);
    }

    private static void flush(List<HeaderField> headers, StringBuilder current) {
        if (current == null) {
            return;
        }
        String raw = current.toString();
        current.setLength(0);
        int colon = raw.indexOf(':');
        headers.add(new HeaderField(colon < 0 ? raw : raw.substring(0, colon), raw));
    }

    private static int indexOfCrlf(byte[] m, int from) {
        for (int i = from; i + 1 < m.length; i++) {
            if (m[i] == '\r' && m[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Bare CR and bare LF become CRLF; CRLF stays. Always a new array. Written into a plain array:
     * {@code ByteArrayOutputStream.write} is synchronized per byte and was a visible share of a
     * verification.
     */
    public static byte[] normalizeLineEndings(byte[] in) {
        int extra = 0;
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '\r') {
                if (i + 1 < in.length && in[i + 1] == '\n') {
                    i++;
                } else {
                    extra++;
                }
            } else if (b == '\n') {
                extra++;
            }
        }
        if (extra == 0) {
            return in.clone(); // already CRLF throughout (the wire form)
        }
        byte[] out = new byte[in.length + extra];
        int o = 0;
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '\r' || b == '\n') {
                out[o++] = '\r';
                out[o++] = '\n';
                if (b == '\r' && i + 1 < in.length && in[i + 1] == '\n') {
                    i++;
                }
            } else {
                out[o++] = b;
            }
        }
        return out;
    }
}
