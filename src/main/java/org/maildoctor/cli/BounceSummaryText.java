package org.maildoctor.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.maildoctor.bounce.batch.Cluster;
import org.maildoctor.bounce.batch.SummaryReport;

/** The summary of {@code bounce parse --summary} for people. */
final class BounceSummaryText {
    private static final int TOP = 10;

    private BounceSummaryText() {
    }

    static void print(SummaryReport s, PrintWriter out) {
        out.printf("%d messages: %d bounces, %d not bounces, %d undecodable; %d results, %d hard-bounced addresses%n",
                s.messages(), s.bounces(), s.notBounces(), s.undecodable(), s.results(), s.hard());
        counts(out, "By reason", s.byReason());
        counts(out, "By recipient domain", s.byDomain());
        counts(out, "By provider", s.byProvider());
        s.rate().ifPresent(r -> {
            out.println();
            out.printf("Bounce rate: %d of %d sent (%.2f %%, hard %.2f %%) — %s%n", r.bounced(), r.sent(), r.rate() * 100,
                    r.hardRate() * 100, r.aboveLine() ? "ABOVE the 2 % line" : "below the 2 % line");
            out.println("  " + r.explanation());
        });
        out.println();
        if (s.clusters().isEmpty()) {
            out.println("Clusters: none (no burst of 5.1.1 or 5.7.x refusals from one domain)");
        } else {
            out.println("Clusters (likely a block or reputation problem, not bad addresses):");
            for (Cluster c : s.clusters()) {
                out.println("  " + c.domain() + " " + c.kind() + ": " + c.explanation());
                c.examples().forEach(e -> out.println("      e.g. " + e));
            }
        }
        out.flush();
    }

    private static void counts(PrintWriter out, String title, Map<String, Long> counts) {
        out.println();
        out.println(title + ":");
        int n = 0;
        for (var e : counts.entrySet()) {
            if (n++ == TOP) {
                out.printf("  … and %d more%n", counts.size() - TOP);
                break;
            }
            out.printf("  %7d  %s%n", e.getValue(), e.getKey());
        }
    }
}
