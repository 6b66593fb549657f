package org.maildoctor.audit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a domain audit: a stable {@code id} (e.g. {@code mx.nullmx}, {@code rdns.fcrdns}),
 * the verdict, a plain-words explanation, the fix when something is wrong, and the evidence
 * (records, answers) it was decided on.
 */
public record AuditCheck(String id, CheckStatus status, String explanation, Optional<String> fix,
        List<String> evidence) {

    public AuditCheck {
        Objects.requireNonNull(id);
        Objects.requireNonNull(status);
        Objects.requireNonNull(explanation);
        fix = Objects.requireNonNullElse(fix, Optional.empty());
        evidence = List.copyOf(evidence);
        if (status != CheckStatus.PASS && status != CheckStatus.UNKNOWN && fix.isEmpty()) {
            throw new IllegalArgumentException(id + ": a " + status.code() + " needs a fix");
        }
    }

    public static AuditCheck pass(String id, String explanation, List<String> evidence) {
        return new AuditCheck(id, CheckStatus.PASS, explanation, Optional.empty(), evidence);
    }

    public static AuditCheck warn(String id, String explanation, String fix, List<String> evidence) {
        return new AuditCheck(id, CheckStatus.WARN, explanation, Optional.of(fix), evidence);
    }

    public static AuditCheck fail(String id, String explanation, String fix, List<String> evidence) {
        return new AuditCheck(id, CheckStatus.FAIL, explanation, Optional.of(fix), evidence);
    }

    public static AuditCheck unknown(String id, String explanation, List<String> evidence) {
        return new AuditCheck(id, CheckStatus.UNKNOWN, explanation, Optional.empty(), evidence);
    }
}
