package org.maildoctor.warmup.network;

/**
 * Seeds for per-mailbox, per-day generators. {@code new SplittableRandom(s)} streams for seeds that
 * differ by a multiple of its internal gamma are shifted copies of each other, so seeds built as
 * {@code seed + n * constant} give overlapping (repeating) text; each part is mixed with the
 * MurmurHash3 / SplitMix64 finaliser instead.
 */
public final class Seeds {
    private Seeds() {
    }

    public static long of(long... parts) {
        long h = 0x6A09E667F3BCC909L;
        for (long p : parts) {
            h = mix(h ^ mix(p));
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
