package org.maildoctor.auth.dkim;

import java.util.List;

/**
 * The result of one signature, in RFC 8601 (Authentication-Results) words. RFC 6376 6.1 speaks of
 * SUCCESS, PERMFAIL and TEMPFAIL; PERMFAIL splits into {@link #FAIL} (the cryptography or an RFC 8301
 * rule rejected the signature) and {@link #PERMERROR} (the signature or key cannot be evaluated).
 */
public enum DkimVerdict {
    PASS, FAIL, TEMPERROR, PERMERROR, NONE;

    /**
     * The message-level verdict: the best signature wins (pass > fail > temperror > permerror), as
     * RFC 6376 6.1 lets a verifier stop at the first good signature; no signature at all is NONE.
     */
    public static DkimVerdict overall(List<DkimSignatureResult> results) {
        DkimVerdict best = NONE;
        for (DkimSignatureResult r : results) {
            if (best == NONE || rank(r.verdict()) < rank(best)) {
                best = r.verdict();
            }
        }
        return best;
    }

    private static int rank(DkimVerdict v) {
        return switch (v) {
            case PASS -> 0;
            case FAIL -> 1;
            case TEMPERROR -> 2;
            case PERMERROR -> 3;
            case NONE -> 4;
        };
    }

    /** Lower-case word as used in Authentication-Results and JSON. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
