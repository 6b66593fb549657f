package org.maildoctor.auth.dmarc;

import java.util.List;
import java.util.Optional;

/**
 * The DMARC verdict for one message.
 *
 * @param result          pass / fail / none / temperror / permerror
 * @param disposition     what the Domain Owner asks for: none unless the result is fail
 * @param requestedPolicy the policy that applied to the From domain ({@code p}, {@code sp} or {@code np}),
 *                        before {@code t=y}; empty when no record applies
 * @param alignments      one entry per identifier, in input order
 * @param explanation     one human sentence on the result
 * @param notes           testing mode, RFC 7489 {@code pct}, provisional walks
 */
public record DmarcEvaluation(DmarcResult result, Disposition disposition, Optional<Policy> requestedPolicy,
                              List<AlignmentCheck> alignments, String explanation, List<String> notes) {
    public DmarcEvaluation {
        alignments = List.copyOf(alignments);
        notes = List.copyOf(notes);
    }
}
