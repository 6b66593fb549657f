package org.maildoctor.content;

import java.util.List;

/**
 * The template checker's verdict on one message.
 *
 * @param score      10 minus the points of every finding, never below 0, one decimal
 * @param findings   the problems, in rule order
 * @param linkHosts  the distinct host names linked from the message (for blocklist lookups)
 * @param phraseHits spam-trigger phrases found, as {@code lang:phrase}
 */
public record ContentReport(double score, List<ContentFinding> findings, List<String> linkHosts,
                            List<String> phraseHits) {
    public ContentReport {
        findings = List.copyOf(findings);
        linkHosts = List.copyOf(linkHosts);
        phraseHits = List.copyOf(phraseHits);
    }

    public List<String> ids() {
        return findings.stream().map(f -> f.id().id()).toList();
    }
}
