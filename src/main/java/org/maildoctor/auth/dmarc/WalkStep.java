package org.maildoctor.auth.dmarc;

import java.util.Optional;
import org.maildoctor.dns.DnsResult;

/** One query of a DNS Tree Walk (RFC 9989 §4.10): the TXT lookup at {@code _dmarc.<domain>} and what it gave. */
public sealed interface WalkStep {

    /** The domain whose {@code _dmarc} name was queried. */
    String domain();

    /** {@code _dmarc.<domain>}. */
    default String queryName() {
        return "_dmarc." + domain();
    }

    /** One usable DMARC record (RFC 9989 §4.10 steps 2/6: exactly one record starting with v=DMARC1). */
    record RecordFound(String domain, DmarcRecord record, DmarcParseResult parse) implements WalkStep {
    }

    /**
     * No usable record: NXDOMAIN, NODATA, only unrelated TXT, several DMARC records (all discarded), or
     * a record so broken a receiver applies no DMARC processing. {@code parse} says which.
     */
    record NoRecord(String domain, String dnsOutcome, DmarcParseResult parse) implements WalkStep {
    }

    /** The lookup got no authoritative answer (SERVFAIL, REFUSED, timeout, unreachable): unknown, not "no record". */
    record Failed(String domain, DnsResult failure) implements WalkStep {
    }

    /** The usable record of this step, if any. */
    default Optional<DmarcRecord> usableRecord() {
        return this instanceof RecordFound f ? Optional.of(f.record()) : Optional.empty();
    }
}
