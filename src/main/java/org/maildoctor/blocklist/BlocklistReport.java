package org.maildoctor.blocklist;

import java.util.List;
import java.util.Objects;

/**
 * The answer of every applicable list for one target, in catalogue order, and the lists that do
 * not apply to it (a domain list for an IP, an IPv4-only list for an IPv6 address).
 */
public record BlocklistReport(Target target, List<ListResult> results, List<Skipped> skipped) {

    public BlocklistReport {
        Objects.requireNonNull(target);
        results = List.copyOf(results);
        skipped = List.copyOf(skipped);
    }

    /** A list that was not asked, and why. */
    public record Skipped(Blocklist list, String why) {
    }

    public List<ListResult> with(Verdict verdict) {
        return results.stream().filter(r -> r.verdict() == verdict).toList();
    }

    public boolean listed() {
        return results.stream().anyMatch(r -> r.verdict() == Verdict.LISTED);
    }

    /** Listed if any list lists it; else unknown if any list gave no answer; else not listed. */
    public Verdict overall() {
        if (listed()) {
            return Verdict.LISTED;
        }
        return results.stream().anyMatch(r -> r.verdict() == Verdict.UNKNOWN) ? Verdict.UNKNOWN : Verdict.NOT_LISTED;
    }
}
