package org.maildoctor.auth.spf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One node of a domain's include tree: the domain, how it was reached, its record, the DNS-querying
 * terms it costs itself ({@code ownLookups}) and with everything below it ({@code cumulativeLookups}).
 *
 * @param via    {@code "root"}, {@code "include:x"} or {@code "redirect=x"}
 * @param record the SPF record text when exactly one was found
 */
public record SpfTree(String domain, String via, Status status, Optional<String> record, int ownLookups,
                      int cumulativeLookups, List<SpfTree> children, List<SpfFinding> findings) {

    /** What was found at this node. */
    public enum Status {
        /** One valid record, evaluated further. */
        OK,
        /** NXDOMAIN, or no TXT record starting with v=spf1. */
        NO_RECORD,
        /** More than one SPF record (permerror). */
        MULTIPLE_RECORDS,
        /** The record does not parse (permerror). */
        SYNTAX_ERROR,
        /** The lookup failed (temperror): the tree below is unknown. */
        DNS_FAILURE,
        /** Already on the path from the root: an include loop. */
        LOOP,
        /** The target uses macros that depend on the message; not followed. */
        NOT_FOLLOWED,
        /** The tree was cut off because it grew past the linter's node limit. */
        TRUNCATED
    }

    public SpfTree {
        children = List.copyOf(children);
        findings = List.copyOf(findings);
    }

    /** This node's findings and all below, depth first. */
    public List<SpfFinding> allFindings() {
        List<SpfFinding> out = new ArrayList<>(findings);
        children.forEach(c -> out.addAll(c.allFindings()));
        return out;
    }

    /** Whether any node of the tree could not be fetched because DNS failed. */
    public boolean anyDnsFailure() {
        return status == Status.DNS_FAILURE || children.stream().anyMatch(SpfTree::anyDnsFailure);
    }
}
