package org.maildoctor.bounce.mime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte work eight bytes at a time: finding a CR, and CRLF to LF. Loops of one byte per turn over whole
 * messages were the largest part of decoding one; reading a long and testing all its bytes at once ("has a
 * zero byte", the SWAR trick) is several times cheaper. (Searches in a message's Latin-1 String view use the
 * JDK's vectorised String.indexOf instead, which is faster still when the String is there anyway.)
 */
final class Bytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private Bytes() {
    }

    /** The first index of {@code x} in {@code a[from, to)}, or -1. */
    static int indexOf(byte[] a, byte x, int from, int to) {
        long pattern = (x & 0xFFL) * ONES;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long v = (long) LONGS.get(a, i) ^ pattern;
            // a byte of v is zero where a byte equals x; the lowest flagged byte is always a true one
            long t = (v - ONES) & ~v & HIGHS;
            if (t != 0) {
                return i + (Long.numberOfTrailingZeros(t) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (a[i] == x) {
                return i;
            }
        }
        return -1;
    }

    private static final long CRS = '\r' * ONES;

    /**
     * {@code raw[from, to)} with CRLF and lone CR made LF, {@code cr} being the first CR. Eight bytes at a time: a
     * word without CR is stored whole; one with a CR is stored whole too (the bytes after the CR are overwritten
     * by what follows, as the output only advances past the bytes before it). One pass, no call per line.
     */
    static byte[] crToLf(byte[] raw, int from, int to, int cr) {
        byte[] out = new byte[to - from];
        System.arraycopy(raw, from, out, 0, cr - from);
        int n = cr - from;
        int i = cr;
        while (i + 8 <= to) {
            long w = (long) LONGS.get(raw, i);
            long v = w ^ CRS;
            long t = (v - ONES) & ~v & HIGHS;
            LONGS.set(out, n, w); // n <= i - from, so n + 8 <= out.length
            if (t == 0) {
                n += 8;
                i += 8;
                continue;
            }
            int k = i + (Long.numberOfTrailingZeros(t) >>> 3);
            n += k - i;
            out[n++] = '\n';
            i = k + 1;
            if (i < to && raw[i] == '\n') {
                i++;
            }
        }
        for (; i < to; i++) {
            byte b = raw[i];
            if (b == '\r') {
                out[n++] = '\n';
                if (i + 1 < to && raw[i + 1] == '\n') {
                    i++;
                }
            } else {
                out[n++] = b;
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }
}
