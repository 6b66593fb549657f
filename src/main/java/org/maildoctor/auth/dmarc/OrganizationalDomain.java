package org.maildoctor.auth.dmarc;

import java.util.List;
import org.maildoctor.dns.DnsResult;

/**
 * The Organizational Domain of a domain by the RFC 9989 DNS Tree Walk (§4.10.2), or the best one can say
 * when a lookup of the walk failed.
 */
public sealed interface OrganizationalDomain {

    /** The organizational domain; for {@link Indeterminate} the best guess from the records that were seen. */
    String domain();

    /** Which §4.10.2 selection rule gave the answer. */
    Rule rule();

    /** RFC 9989 §4.10.2 selection rules, tried on the records found from the longest name to the shortest. */
    enum Rule {
        /** 1: a record with {@code psd=n} is the organizational domain. */
        PSD_NO,
        /** 2: a {@code psd=y} record above the start: the name one label below it. */
        BELOW_PUBLIC_SUFFIX,
        /** 3: the record at the name with the fewest labels. */
        FEWEST_LABELS,
        /** No record found: the starting domain is its own organizational domain. */
        START_DOMAIN
    }

    /** Every lookup of the walk was answered. */
    record Determined(String domain, Rule rule) implements OrganizationalDomain {
    }

    /** A lookup failed; a record at that name could change the answer. */
    record Indeterminate(String domain, Rule rule, List<DnsResult> failures) implements OrganizationalDomain {
        public Indeterminate {
            failures = List.copyOf(failures);
        }
    }
}
