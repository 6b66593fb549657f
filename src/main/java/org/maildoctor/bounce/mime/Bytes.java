package org.maildoctor.bounce.mime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte search eight bytes at a time. Finding line ends, carriage returns and {@code =} one byte per loop
 * turn was the largest part of decoding a message (every message is scanned several times: line ends,
 * header blocks, boundaries); reading a long and testing all its bytes at once ("has a zero byte", the
 * SWAR trick) is several times cheaper on the same machine code budget.
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

    /** The first index of {@code x} or {@code y} in {@code a[from, to)}, or -1. */
    static int indexOfEither(byte[] a, byte x, byte y, int from, int to) {
        long px = (x & 0xFFL) * ONES;
        long py = (y & 0xFFL) * ONES;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = (long) LONGS.get(a, i);
            long v = w ^ px;
            long u = w ^ py;
            long t = ((v - ONES) & ~v | (u - ONES) & ~u) & HIGHS;
            if (t != 0) {
                return i + (Long.numberOfTrailingZeros(t) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (a[i] == x || a[i] == y) {
                return i;
            }
        }
        return -1;
    }
}
