package org.maildoctor.generate;

import java.util.List;

/**
 * A generated DMARC record, the staged plan that reaches it, and the TXT records other domains must
 * publish to accept reports for this one (RFC 7489 §7.1, RFC 9989's external destination verification).
 *
 * @param warnings  what our own DMARC parser says about the record (deprecated pct, p=none …)
 */
public record DmarcProposal(String domain, TxtRecord record, List<RolloutStage> rollout,
                            List<TxtRecord> externalDestinations, List<String> warnings) {
    public DmarcProposal {
        rollout = List.copyOf(rollout);
        externalDestinations = List.copyOf(externalDestinations);
        warnings = List.copyOf(warnings);
    }
}
