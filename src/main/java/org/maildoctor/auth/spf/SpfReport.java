package org.maildoctor.auth.spf;

import org.maildoctor.model.Severity;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What {@link SpfLinter#inspect} found for a domain.
 *
 * @param totalLookups DNS-querying terms of the whole tree (what an evaluation that reaches every
 *                     term would spend; RFC 7208 limit 10)
 * @param voidLookups  terms whose target does not resolve (RFC 7208 limit 2)
 * @param findings     every finding, errors first
 * @param notChecked   checks that could not run, each with why
 */
public record SpfReport(String domain, SpfTree tree, int totalLookups, int voidLookups, List<SpfFinding> findings,
                        List<String> notChecked) {
    public SpfReport {
        findings = findings.stream()
                .sorted(Comparator.comparing(SpfFinding::severity).reversed()).toList();
        notChecked = List.copyOf(notChecked);
    }

    /** The most severe finding's severity; empty when there are no findings. */
    public Optional<Severity> worst() {
        return findings.stream().map(SpfFinding::severity).max(Comparator.naturalOrder());
    }

    /** The findings of at least this severity. */
    public List<SpfFinding> atLeast(Severity severity) {
        return findings.stream().filter(f -> f.severity().compareTo(severity) >= 0).toList();
    }
}
