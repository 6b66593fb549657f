package org.maildoctor.audit;

import java.util.List;

/**
 * The audit's overall grade. Score: 100, minus 20 per failed check, 5 per warning and 5 per check
 * that could not be decided (an unknown is not a pass). Letters at 90/80/70/60, as on a report card;
 * any failure caps the grade at C, because one failed requirement is enough for Gmail or Yahoo to
 * reject bulk mail.
 */
public record Grade(String letter, int score, int failures, int warnings, int unknowns) {

    public static Grade of(List<AuditCheck> checks) {
        int fail = count(checks, CheckStatus.FAIL);
        int warn = count(checks, CheckStatus.WARN);
        int unknown = count(checks, CheckStatus.UNKNOWN);
        int score = Math.max(0, 100 - 20 * fail - 5 * warn - 5 * unknown);
        String letter = score >= 90 ? "A" : score >= 80 ? "B" : score >= 70 ? "C" : score >= 60 ? "D" : "F";
        if (fail > 0 && letter.compareTo("C") < 0) {
            letter = "C";
        }
        return new Grade(letter, score, fail, warn, unknown);
    }

    private static int count(List<AuditCheck> checks, CheckStatus status) {
        return (int) checks.stream().filter(c -> c.status() == status).count();
    }
}
