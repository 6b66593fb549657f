package org.maildoctor.auth.dmarc;

import java.util.Objects;
import org.maildoctor.dns.DnsResult;

/**
 * The outcome of RFC 9989 §4.10.1 policy discovery for an Author Domain. DNS failures are their own case
 * ({@link TempError}), never "no record".
 */
public sealed interface PolicyDiscovery {

    String authorDomain();

    /** The walk from the Author Domain (its first step is the Author Domain's own lookup). */
    TreeWalk walk();

    /**
     * A record applies.
     *
     * @param policyDomain      where the applied record is published
     * @param source            author domain, its organizational domain, or its public suffix domain
     * @param parse             the parse of the applied record, with its findings
     * @param authorExistence   whether the Author Domain exists (only looked up when the policy is inherited)
     * @param applicablePolicy  {@code p} for the Author Domain's own record; for an inherited record
     *                          {@code sp}, or {@code np} when the Author Domain does not exist (§4.10.1)
     */
    record Found(String authorDomain, String policyDomain, PolicySource source, DmarcRecord record,
                 DmarcParseResult parse, TreeWalk walk, DomainExistence authorExistence, Policy applicablePolicy)
            implements PolicyDiscovery {
        public Found {
            Objects.requireNonNull(record);
            Objects.requireNonNull(applicablePolicy);
        }

        /** Whether every lookup of the walk was answered; if not, a record at a failed name could change the choice. */
        public WalkCompleteness completeness() {
            return walk.failures().isEmpty() ? WalkCompleteness.COMPLETE : WalkCompleteness.INCOMPLETE;
        }
    }

    /** The walk was answered and found no DMARC record: DMARC does not apply (§4.10.1). */
    record NoPolicy(String authorDomain, TreeWalk walk, DmarcParseResult authorDomainParse) implements PolicyDiscovery {
    }

    /**
     * The Author Domain publishes a record a receiver cannot use (e.g. duplicate tags, or an invalid
     * {@code p} and no valid {@code rua}): no DMARC processing, reported as permerror.
     */
    record Unusable(String authorDomain, TreeWalk walk, DmarcParseResult authorDomainParse)
            implements PolicyDiscovery {
    }

    /** A lookup the answer depends on failed: the policy is unknown (temperror), not absent. */
    record TempError(String authorDomain, TreeWalk walk, DnsResult failure) implements PolicyDiscovery {
    }

    /** Whether a walk got an answer to every lookup. */
    enum WalkCompleteness {
        COMPLETE,
        INCOMPLETE
    }
}
