package org.maildoctor.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte work eight bytes at a time: finding a byte or a byte string, and CRLF to LF. Loops of one byte per turn
 * over whole messages were the largest part of decoding one; reading a long and testing all its bytes at once
 * ("has a zero byte", the SWAR trick) is several times cheaper. That holds for the JDK's String.indexOf too where
 * it counts: a {@code bounce parse} run of up to a few hundred megabytes runs with the quick compiler (C1) only
 * (see the launcher), and C1 has no intrinsic for String.indexOf, so there it is a loop of one byte per turn
 * (0.9 ns a byte against 0.2 ns for {@link #indexOf(byte[], byte, int, int)}, measured on the bench machine).
 */
public final class Bytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private Bytes() {
    }

    /** The first index of {@code x} in {@code a[from, to)}, or -1. */
    public static int indexOf(byte[] a, byte x, int from, int to) {
        long pattern = (x & 0xFFL) * ONES;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long v = (long) LONGS.get(a, i) ^ pattern;
            // a byte of v is zero where a byte equals x; the lowest flagged byte is always a true one
            long t = (v - ONES) & ~v & HIGHS;
            if (t != 0) {
                return i + lowestFlagged(t);
            }
        }
        for (; i < to; i++) {
            if (a[i] == x) {
                return i;
            }
        }
        return -1;
    }

    /** {@code A-Z} made {@code a-z} in place, every other byte left alone; whether anything changed. */
    public static boolean lowerAscii(byte[] a) {
        long upperSeen = 0;
        int i = 0;
        for (; i + 8 <= a.length; i += 8) {
            long w = (long) LONGS.get(a, i);
            long heptets = w & LOWS;
            // per byte, bit 7 of heptet + 0x3F is set from 'A' (0x41) up, of heptet + 0x25 from '[' (0x5B) up;
            // they differ exactly on A-Z, kept where the byte itself is ASCII
            long upper = ((heptets + 0x3F3F3F3F3F3F3F3FL) ^ (heptets + 0x2525252525252525L)) & ~w & HIGHS;
            if (upper != 0) {
                LONGS.set(a, i, w | upper >>> 2); // 0x80 >>> 2 is 0x20, the case bit
                upperSeen |= upper;
            }
        }
        boolean changed = upperSeen != 0;
        for (; i < a.length; i++) {
            if (a[i] >= 'A' && a[i] <= 'Z') {
                a[i] += 'a' - 'A';
                changed = true;
            }
        }
        return changed;
    }

    /** Whether every byte of {@code a[from, to)} is below 0x80 (US-ASCII). */
    public static boolean isAscii(byte[] a, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            if (((long) LONGS.get(a, i) & HIGHS) != 0) {
                return false;
            }
        }
        for (; i < to; i++) {
            if (a[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;

    /**
     * The index of the lowest byte flagged in {@code t} (only high bits of bytes set): a multiply, where C1 calls
     * {@code Long.numberOfTrailingZeros} as a method (it is no intrinsic there), itself calling the int one.
     */
    private static int lowestFlagged(long t) {
        return (int) ((((t & -t) >>> 7) * 0x0001020304050607L) >>> 56);
    }

    /** The high bit of each byte of {@code v} that is zero, and no other bit (no borrow crosses bytes). */
    private static long zeroBytes(long v) {
        return ~(((v & LOWS) + LOWS) | v | LOWS);
    }

    /**
     * The first index of {@code p} in {@code a[from, to)} (the whole of {@code p} inside), or -1. Eight start
     * positions at a time: those whose first and last bytes both match are compared in full, so a common
     * first byte (the LF of {@code "\n--boundary"}) costs nothing unless the last one matches too.
     */
    public static int indexOf(byte[] a, byte[] p, int from, int to) {
        int n = p.length;
        if (n <= 1) {
            return n == 0 ? (from <= to ? from : -1) : indexOf(a, p[0], from, to);
        }
        int last = to - n; // the last start position
        long first = (p[0] & 0xFFL) * ONES;
        long end = (p[n - 1] & 0xFFL) * ONES;
        int i = from;
        for (; i + 7 <= last; i += 8) {
            long m = zeroBytes((long) LONGS.get(a, i) ^ first) & zeroBytes((long) LONGS.get(a, i + n - 1) ^ end);
            while (m != 0) {
                int k = i + lowestFlagged(m);
                if (middleMatches(a, p, k)) {
                    return k;
                }
                m &= m - 1;
            }
        }
        for (; i <= last; i++) {
            if (a[i] == p[0] && a[i + n - 1] == p[n - 1] && middleMatches(a, p, i)) {
                return i;
            }
        }
        return -1;
    }

    /** The first index of {@code x} or {@code y} in {@code a[from, to)}, or -1 (a line end: LF or CR). */
    public static int indexOfEither(byte[] a, byte x, byte y, int from, int to) {
        long px = (x & 0xFFL) * ONES;
        long py = (y & 0xFFL) * ONES;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = (long) LONGS.get(a, i);
            long t = zeroBytes(w ^ px) | zeroBytes(w ^ py);
            if (t != 0) {
                return i + lowestFlagged(t);
            }
        }
        for (; i < to; i++) {
            if (a[i] == x || a[i] == y) {
                return i;
            }
        }
        return -1;
    }

    private static final long CASE_BITS = 0x2020202020202020L;

    /**
     * The first index of {@code lower} (no A-Z in it) in {@code a[from, to)} in any mix of ASCII case, or -1. As
     * {@link #indexOf(byte[], byte[], int, int)}, on words with the case bit set in every byte: a candidate's first
     * and last bytes then match their letter in either case (and a few other bytes), and it is compared in full.
     */
    public static int indexOfIgnoreCase(byte[] a, byte[] lower, int from, int to) {
        int n = lower.length;
        if (n <= 1) {
            return n == 0 ? (from <= to ? from : -1) : indexOfIgnoreCaseAt(a, lower, from, to);
        }
        int last = to - n;
        long first = ((lower[0] | 0x20) & 0xFFL) * ONES;
        long end = ((lower[n - 1] | 0x20) & 0xFFL) * ONES;
        int i = from;
        for (; i + 7 <= last; i += 8) {
            long m = zeroBytes(((long) LONGS.get(a, i) | CASE_BITS) ^ first)
                    & zeroBytes(((long) LONGS.get(a, i + n - 1) | CASE_BITS) ^ end);
            while (m != 0) {
                int k = i + lowestFlagged(m);
                if (equalsIgnoreCase(a, k, lower)) {
                    return k;
                }
                m &= m - 1;
            }
        }
        return indexOfIgnoreCaseAt(a, lower, i, to);
    }

    /** {@link #indexOfIgnoreCase} by comparing at every start from {@code from}. */
    private static int indexOfIgnoreCaseAt(byte[] a, byte[] lower, int from, int to) {
        for (int k = from; k + lower.length <= to; k++) {
            if (equalsIgnoreCase(a, k, lower)) {
                return k;
            }
        }
        return -1;
    }

    /** Whether {@code a} holds {@code lower} (no A-Z in it) at {@code at} in any mix of ASCII case; it must fit. */
    public static boolean equalsIgnoreCase(byte[] a, int at, byte[] lower) {
        for (int j = 0; j < lower.length; j++) {
            int c = a[at + j];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lower[j]) {
                return false;
            }
        }
        return true;
    }

    private static boolean middleMatches(byte[] a, byte[] p, int at) {
        for (int j = 1; j < p.length - 1; j++) {
            if (a[at + j] != p[j]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code a} starts with {@code p}. */
    public static boolean startsWith(byte[] a, byte[] p) {
        return a.length >= p.length && java.util.Arrays.equals(a, 0, p.length, p, 0, p.length);
    }

    private static final long CRS = '\r' * ONES;

    /**
     * {@code raw[from, to)} with CRLF and lone CR made LF, {@code cr} being the first CR. Eight bytes at a time: a
     * word without CR is stored whole; one with a CR is stored whole too (the bytes after the CR are overwritten
     * by what follows, as the output only advances past the bytes before it). One pass, no call per line.
     */
    public static byte[] crToLf(byte[] raw, int from, int to, int cr) {
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
            int k = i + lowestFlagged(t);
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
