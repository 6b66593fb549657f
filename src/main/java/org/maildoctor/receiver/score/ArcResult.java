package org.maildoctor.receiver.score;

import java.util.Locale;

/**
 * The ARC chain (RFC 8617) of a message: {@code none} (no ARC sets), {@code fail} (the chain is
 * structurally broken: RFC 8617 5.2 steps 1-3), or {@code not-evaluated}: the structure is valid but
 * the ARC-Seal and ARC-Message-Signature signatures were not verified cryptographically (not
 * implemented yet), so we do not claim {@code pass}.
 */
public record ArcResult(Verdict verdict, int instances, String lastCv, String explanation) {
    public enum Verdict {
        NONE, FAIL, NOT_EVALUATED;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
