package org.maildoctor.auth.dkim;

import java.util.Locale;

/** RFC 6376 3.4: the two canonicalization algorithms, for header fields and for the body. */
public enum Canonicalization {
    SIMPLE, RELAXED;

    /** The {@code c=} spelling. */
    public String tagValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Canonical form of one header field ({@code raw} without its final CRLF), CRLF appended.
     * Simple (3.4.1): unchanged. Relaxed (3.4.2): name lower-cased, folding removed, runs of WSP
     * to one SP, WSP at the end of the value and around the colon deleted.
     */
    public String header(String raw) {
        if (this == SIMPLE) {
            return raw + "\r\n";
        }
        int colon = raw.indexOf(':');
        String name = colon < 0 ? raw : raw.substring(0, colon);
        String value = colon < 0 ? "" : raw.substring(colon + 1);
        StringBuilder sb = new StringBuilder(raw.length());
        sb.append(DkimSignatureParser.asciiLower(stripWsp(name))).append(':');
        boolean pendingSpace = false;
        boolean started = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                continue; // unfold: delete CRLF of folding; the WSP after it is compressed below
            }
            if (c == ' ' || c == '\t') {
                pendingSpace = started;
                continue;
            }
            if (pendingSpace) {
                sb.append(' ');
                pendingSpace = false;
            }
            sb.append(c);
            started = true;
        }
        return sb.append("\r\n").toString();
    }

    private static String stripWsp(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && isWsp(s.charAt(a))) {
            a++;
        }
        while (b > a && isWsp(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    private static boolean isWsp(char c) {
        return c == ' ' || c == '\t';
    }

    /**
     * Canonical body (input already CRLF-normalized). Simple (3.4.3): trailing empty lines removed,
     * an empty body becomes one CRLF. Relaxed (3.4.4): WSP at line ends deleted, runs of WSP to one SP,
     * trailing empty lines removed, an empty body stays empty (RFC 6376 errata 1384 consensus).
     * A last line without CRLF gets one, in both.
     */
    public byte[] body(byte[] body) {
        byte[] work = this == RELAXED ? relaxLines(body) : body;
        int n = work.length;
        while (n >= 2 && work[n - 2] == '\r' && work[n - 1] == '\n') {
            n -= 2;
        }
        if (n == 0 && this == RELAXED) {
            return new byte[0];
        }
        byte[] out = java.util.Arrays.copyOf(work, n + 2);
        out[n] = '\r';
        out[n + 1] = '\n';
        return out;
    }

    /** Relaxed line rules into a plain array (no synchronized per-byte writes); never longer than the input. */
    private static byte[] relaxLines(byte[] body) {
        byte[] out = new byte[body.length];
        int o = 0;
        int pendingWsp = 0; // WSP seen and not yet written: written as one SP before the next other byte
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (b == ' ' || b == '\t') {
                pendingWsp++;
            } else if (b == '\r' && i + 1 < body.length && body[i + 1] == '\n') {
                pendingWsp = 0; // WSP at the end of a line is deleted
                out[o++] = '\r';
                out[o++] = '\n';
                i++;
            } else {
                if (pendingWsp > 0) {
                    out[o++] = ' ';
                    pendingWsp = 0;
                }
                out[o++] = b;
            }
        }
        return o == out.length ? out : java.util.Arrays.copyOf(out, o);
    }
}
