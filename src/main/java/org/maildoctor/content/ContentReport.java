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
    /**
     * {@link #spamScore()} at or above which the message reads as spam. Chosen on the development
     * half of the content corpus (bench/ContentCheckerLoop) and then checked on the held-out half.
     */
    public static final double SPAM_THRESHOLD = 1.6;

    public ContentReport {
        findings = List.copyOf(findings);
        linkHosts = List.copyOf(linkHosts);
        phraseHits = List.copyOf(phraseHits);
    }

    public List<String> ids() {
        return findings.stream().map(f -> f.id().id()).toList();
    }

    /** The spam weights of the findings, summed, one decimal (SpamAssassin-style: higher is spammier). */
    public double spamScore() {
        return Math.round(findings.stream().mapToDouble(f -> f.id().spamWeight()).sum() * 10) / 10.0;
    }

    /** Whether the findings together read as spam rather than as an untidy but legitimate template. */
    public boolean likelySpam() {
        return spamScore() >= SPAM_THRESHOLD - 1e-9;
    }
}
