package org.maildoctor.content;

import java.util.List;
import java.util.Objects;

/** One problem in a message's content: what, why (with the evidence) and how to fix it. */
public record ContentFinding(ContentFindingId id, String explanation, List<String> evidence) {
    public ContentFinding {
        Objects.requireNonNull(id);
        Objects.requireNonNull(explanation);
        evidence = List.copyOf(evidence);
    }

    public String fix() {
        return id.fix();
    }

    public double points() {
        return id.points();
    }
}
