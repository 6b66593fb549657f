package org.maildoctor.cli;

import java.util.Locale;
import org.maildoctor.content.ContentFinding;
import org.maildoctor.content.ContentReport;
import org.maildoctor.receiver.score.ScoreCard;
import org.maildoctor.receiver.score.ScoreCheck;
import org.maildoctor.receiver.score.Status;

/** Human text for a score card and a template-checker report. */
final class ScoreCardText {
    private ScoreCardText() {
    }

    static void print(Output out, ScoreCard c) {
        out.line(String.format(Locale.ROOT, "score: %.1f / 10", c.score()));
        out.line("");
        out.line(c.authenticationResults());
        out.line("");
        String category = "";
        for (ScoreCheck k : c.checks()) {
            if (!k.category().equals(category)) {
                category = k.category();
                out.line(category.toUpperCase(Locale.ROOT));
            }
            String cost = k.deduction() > 0 ? String.format(Locale.ROOT, " (-%.1f)", k.deduction()) : "";
            out.line(String.format(Locale.ROOT, "  %-13s %-34s %s%s", k.status().code(), k.id(), k.explanation(), cost));
            if (k.status() != Status.PASS) {
                k.fix().ifPresent(f -> out.line("                fix: " + f));
            }
        }
    }

    static void print(Output out, ContentReport r) {
        out.line(String.format(Locale.ROOT, "content score: %.1f / 10", r.score()));
        out.line(String.format(Locale.ROOT, "spam score: %.1f (%s at %.1f)", r.spamScore(),
                r.likelySpam() ? "reads as spam" : "below the spam line", ContentReport.SPAM_THRESHOLD));
        if (r.findings().isEmpty()) {
            out.line("no problems found");
        }
        for (ContentFinding f : r.findings()) {
            out.line(String.format(Locale.ROOT, "  -%.1f  %-30s %s", f.points(), f.id().id(), f.explanation()));
            if (!f.evidence().isEmpty()) {
                out.line("        " + String.join(", ", f.evidence()));
            }
            out.line("        fix: " + f.fix());
        }
    }
}
