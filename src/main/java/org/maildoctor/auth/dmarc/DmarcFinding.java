package org.maildoctor.auth.dmarc;

import org.maildoctor.model.Severity;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing the checker noticed: what ({@code id}), how much it matters, a human explanation and,
 * when something should change, the fix.
 */
public record DmarcFinding(FindingId id, Severity severity, String explanation, Optional<String> fix) {
    public DmarcFinding {
        Objects.requireNonNull(id);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(explanation);
        Objects.requireNonNull(fix);
    }

    public static DmarcFinding of(FindingId id, String explanation, String fix) {
        return new DmarcFinding(id, id.defaultSeverity(), explanation, Optional.ofNullable(fix));
    }

    public static DmarcFinding of(FindingId id, String explanation) {
        return new DmarcFinding(id, id.defaultSeverity(), explanation, Optional.empty());
    }

    @Override
    public String toString() {
        return severity.token() + " " + id.id() + ": " + explanation + fix.map(f -> " Fix: " + f).orElse("");
    }
}
