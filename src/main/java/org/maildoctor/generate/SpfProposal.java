package org.maildoctor.generate;

import java.util.List;
import java.util.Optional;
import org.maildoctor.auth.spf.SpfFinding;
import org.maildoctor.auth.spf.SpfTree;

/**
 * A generated SPF record with what it costs.
 *
 * @param lookups      DNS-querying terms of the whole tree, as {@code spf show} counts them once published
 * @param tree         the include tree the count comes from
 * @param findings     the linter's warnings and errors about the tree (info dropped)
 * @param notes        provider notes (region-specific includes, alignment advice)
 * @param flattening   present when {@code lookups} exceeds 10
 */
public record SpfProposal(String domain, TxtRecord record, int lookups, int voidLookups, SpfTree tree,
                          List<SpfFinding> findings, List<String> notes, Optional<Flattening> flattening) {
    public SpfProposal {
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    public boolean withinLimit() {
        return lookups <= 10;
    }
}
