package org.maildoctor.receiver.score;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of the score card.
 *
 * @param id          stable id, e.g. {@code auth.dkim}, {@code header.message-id-missing}, {@code links.shortener}
 * @param category    authentication, reputation, headers, bulk or content
 * @param status      the verdict
 * @param explanation what was found, in plain words
 * @param fix         what to change; present for every warn and fail
 * @param deduction   points lost out of 10 (0 for pass, info, unknown, not-evaluated)
 */
public record ScoreCheck(String id, String category, Status status, String explanation, Optional<String> fix,
                         double deduction) {
    public ScoreCheck {
        Objects.requireNonNull(id);
        Objects.requireNonNull(category);
        Objects.requireNonNull(status);
        Objects.requireNonNull(explanation);
        fix = Objects.requireNonNullElse(fix, Optional.empty());
        if (status.isProblem() && fix.isEmpty()) {
            throw new IllegalArgumentException(id + ": a " + status.code() + " needs a fix");
        }
        if (deduction < 0 || (!status.isProblem() && deduction != 0)) {
            throw new IllegalArgumentException(id + ": only warn and fail deduct points");
        }
    }

    public static ScoreCheck pass(String id, String category, String explanation) {
        return new ScoreCheck(id, category, Status.PASS, explanation, Optional.empty(), 0);
    }

    public static ScoreCheck info(String id, String category, String explanation) {
        return new ScoreCheck(id, category, Status.INFO, explanation, Optional.empty(), 0);
    }

    public static ScoreCheck unknown(String id, String category, String explanation) {
        return new ScoreCheck(id, category, Status.UNKNOWN, explanation, Optional.empty(), 0);
    }

    public static ScoreCheck notEvaluated(String id, String category, String explanation) {
        return new ScoreCheck(id, category, Status.NOT_EVALUATED, explanation, Optional.empty(), 0);
    }

    public static ScoreCheck warn(String id, String category, String explanation, String fix, double deduction) {
        return new ScoreCheck(id, category, Status.WARN, explanation, Optional.of(fix), deduction);
    }

    public static ScoreCheck fail(String id, String category, String explanation, String fix, double deduction) {
        return new ScoreCheck(id, category, Status.FAIL, explanation, Optional.of(fix), deduction);
    }
}
