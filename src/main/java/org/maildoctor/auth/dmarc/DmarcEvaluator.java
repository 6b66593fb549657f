package org.maildoctor.auth.dmarc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides a message's DMARC result from a discovered policy and its SPF/DKIM outcomes: identifier
 * alignment (RFC 9989 "Identifier Alignment Explained", RFC 7489 §3.1; relaxed or strict), the result,
 * and the disposition the Domain Owner asks for ({@code p}/{@code sp}/{@code np}, lowered one level by
 * {@code t=y}). A pure function: no DNS, no clock; organizational domains come in through
 * {@link OrganizationalDomains}.
 */
public final class DmarcEvaluator {
    private DmarcEvaluator() {
    }

    /**
     * @throws IllegalArgumentException if the discovery was made for another domain than the message's From
     */
    public static DmarcEvaluation evaluate(PolicyDiscovery discovery, MessageAuthentication message,
                                           OrganizationalDomains organizationalDomains) {
        String from = name(message.fromDomain());
        if (!from.equals(discovery.authorDomain())) {
            throw new IllegalArgumentException("policy discovered for " + discovery.authorDomain()
                    + ", message From domain is " + from);
        }
        return switch (discovery) {
            case PolicyDiscovery.TempError t -> new DmarcEvaluation(DmarcResult.TEMPERROR, Disposition.NONE,
                    Optional.empty(), List.of(), "The DMARC policy of " + from + " could not be looked up ("
                    + t.failure().describe() + "); a receiver may defer the message (4xx) and retry.", List.of());
            case PolicyDiscovery.NoPolicy n -> new DmarcEvaluation(DmarcResult.NONE, Disposition.NONE,
                    Optional.empty(), List.of(), "Neither " + from + " nor its organizational domain publishes a "
                    + "DMARC record, so DMARC does not apply (RFC 9989 §4.10.1).", List.of());
            case PolicyDiscovery.Unusable u -> new DmarcEvaluation(DmarcResult.PERMERROR, Disposition.NONE,
                    Optional.empty(), List.of(), "The DMARC record of " + from + " is unusable, so no DMARC "
                    + "processing applies (RFC 9989 §4.10.1).", List.of());
            case PolicyDiscovery.Found f -> found(f, from, message, organizationalDomains);
        };
    }

    private static DmarcEvaluation found(PolicyDiscovery.Found f, String from, MessageAuthentication message,
                                         OrganizationalDomains orgs) {
        DmarcRecord record = f.record();
        OrganizationalDomain fromOrg = f.walk().organizationalDomain();
        List<AlignmentCheck> checks = new ArrayList<>();
        for (AuthenticatedIdentifier id : message.identifiers()) {
            checks.add(align(id, record.alignment(id.mechanism()), from, fromOrg, orgs));
        }
        DmarcResult result = checks.stream().anyMatch(c -> c.verdict() == AlignmentVerdict.ALIGNED) ? DmarcResult.PASS
                : checks.stream().anyMatch(c -> c.verdict() == AlignmentVerdict.UNKNOWN) ? DmarcResult.TEMPERROR
                : DmarcResult.FAIL;
        if (result == DmarcResult.FAIL && f.source() != PolicySource.AUTHOR_DOMAIN
                && f.completeness() == PolicyDiscovery.WalkCompleteness.INCOMPLETE) {
            // An inherited policy from an unfinished walk is only a guess (a record at the failed name could
            // apply instead, with other alignment modes): a DNS failure must not turn into "fail".
            result = DmarcResult.TEMPERROR;
        }
        Policy requested = f.applicablePolicy();
        List<String> notes = new ArrayList<>();
        Disposition disposition = Disposition.NONE;
        if (result == DmarcResult.FAIL) {
            Policy applied = requested;
            if (record.testing() == TestingMode.ON && requested != Policy.NONE) {
                applied = requested.oneLevelDown();
                notes.add("t=y (testing): " + requested.token() + " is applied as " + applied.token()
                        + " (RFC 9989 §4.7, tag t).");
            }
            disposition = Disposition.of(applied);
            record.percentage().ifPresent(pct -> {
                if (pct < 100) {
                    notes.add("pct=" + pct + ": an RFC 7489 receiver applies " + requested.token() + " to " + pct
                            + "% of failing mail and the next lower policy to the rest (RFC 7489 §6.6.4); RFC 9989 "
                            + "removed pct, and this verdict follows RFC 9989.");
                }
            });
        }
        if (f.completeness() == PolicyDiscovery.WalkCompleteness.INCOMPLETE) {
            notes.add("Some lookups of the DNS tree walk failed (" + f.walk().failures().getFirst().describe()
                    + "); a record there could change the organizational domain or the policy.");
        }
        String policyWhere = f.source() == PolicySource.AUTHOR_DOMAIN ? "p of " + f.policyDomain()
                : (f.authorExistence() == DomainExistence.DOES_NOT_EXIST ? "np" : "sp") + " of " + f.policyDomain()
                + " (" + f.source().token().replace('-', ' ') + ")";
        String explanation = switch (result) {
            case PASS -> "DMARC pass: " + checks.stream().filter(c -> c.verdict() == AlignmentVerdict.ALIGNED)
                    .map(c -> c.identifier().mechanism().token() + " (" + c.identifier().domain() + ")")
                    .reduce((a, b) -> a + " and " + b).orElse("") + " aligned with " + from + ".";
            case TEMPERROR -> "DMARC temperror: no aligned pass, but a DNS failure leaves open whether one exists.";
            default -> "DMARC fail: no SPF or DKIM pass aligned with " + from + "; the policy is "
                    + requested.token() + " (" + policyWhere + ").";
        };
        return new DmarcEvaluation(result, disposition, Optional.of(requested), checks, explanation, notes);
    }

    static AlignmentCheck align(AuthenticatedIdentifier id, AlignmentMode mode, String from,
                                OrganizationalDomain fromOrg, OrganizationalDomains orgs) {
        String what = id.mechanism().token() + " " + id.result().token() + " for " + id.domain();
        if (id.result() == AuthResult.TEMPERROR) {
            return new AlignmentCheck(id, mode, AlignmentVerdict.UNKNOWN,
                    what + ": a temporary error; it might have passed.");
        }
        if (id.result() != AuthResult.PASS) {
            return new AlignmentCheck(id, mode, AlignmentVerdict.NOT_AUTHENTICATED,
                    what + ": only a pass yields an authenticated identifier.");
        }
        String domain = name(id.domain());
        if (domain.equals(from)) {
            return new AlignmentCheck(id, mode, AlignmentVerdict.ALIGNED, what + ": identical to the From domain.");
        }
        if (mode == AlignmentMode.STRICT) {
            return new AlignmentCheck(id, mode, AlignmentVerdict.NOT_ALIGNED, what + ": strict alignment requires "
                    + "exactly " + from + ".");
        }
        OrganizationalDomain idOrg = orgs.of(domain);
        if (fromOrg instanceof OrganizationalDomain.Determined && idOrg instanceof OrganizationalDomain.Determined) {
            return idOrg.domain().equals(fromOrg.domain())
                    ? new AlignmentCheck(id, mode, AlignmentVerdict.ALIGNED, what + ": same organizational domain "
                    + fromOrg.domain() + " as the From domain (relaxed).")
                    : new AlignmentCheck(id, mode, AlignmentVerdict.NOT_ALIGNED, what + ": organizational domain "
                    + idOrg.domain() + ", the From domain's is " + fromOrg.domain() + ".");
        }
        return new AlignmentCheck(id, mode, AlignmentVerdict.UNKNOWN, what + ": an organizational domain could not "
                + "be determined (DNS failure); best guesses " + idOrg.domain() + " and " + fromOrg.domain() + ".");
    }

    // Domain names compare case-insensitively (RFC 9989 "Identifier Alignment Explained", RFC 4343);
    // a trailing dot changes nothing.
    private static String name(String d) {
        try {
            return org.maildoctor.dns.DnsNames.normalize(d); // A-labels, as the discovery spells names
        } catch (org.maildoctor.dns.DnsNameException e) {
            String s = d.strip().toLowerCase(Locale.ROOT);
            return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
    }
}
