package org.maildoctor.auth.dmarc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.maildoctor.dns.DnsNames;
import org.maildoctor.dns.DnsRecord;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.RecordType;
import org.maildoctor.dns.Resolver;

/**
 * External report destination verification (RFC 7489 §7.1; RFC 9990 §4): a destination outside the
 * policy domain's organization must publish {@code <policy-domain>._report._dmarc.<destination>} TXT
 * starting with {@code v=DMARC1}, or receivers send it nothing. Every record there is parsed and one
 * surviving record is enough; unlike the policy record, several are not an error.
 *
 * <p>"Same organization" is decided without more DNS: a destination at or under the policy domain's
 * organizational domain belongs to it. (A {@code psd=n} record between the two would make it a separate
 * organizational domain; we accept that rare miss rather than walk the tree for every destination.)
 */
public final class ReportDestinationVerifier {
    private final Resolver resolver;

    public ReportDestinationVerifier(Resolver resolver) {
        this.resolver = java.util.Objects.requireNonNull(resolver);
    }

    public CompletableFuture<List<ReportDestination>> verify(String policyDomain, String organizationalDomain,
                                                             DmarcRecord record) {
        List<CompletableFuture<ReportDestination>> all = new ArrayList<>();
        Map<String, CompletableFuture<DnsResult>> asked = new HashMap<>();
        for (ReportKind kind : ReportKind.values()) {
            List<ReportUri> uris = kind == ReportKind.AGGREGATE ? record.aggregateReports() : record.failureReports();
            for (ReportUri uri : uris) {
                all.add(one(kind, uri, policyDomain, organizationalDomain, asked));
            }
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .thenApply(v -> all.stream().map(CompletableFuture::join).toList());
    }

    private CompletableFuture<ReportDestination> one(ReportKind kind, ReportUri uri, String policyDomain,
                                                     String org, Map<String, CompletableFuture<DnsResult>> asked) {
        Optional<String> dest = uri.destinationHost();
        if (dest.isEmpty()) {
            return done(new ReportDestination(kind, uri, dest, DestinationStatus.NOT_CHECKED, Optional.empty(),
                    uri.published() + " names no domain to verify."));
        }
        String d = dest.get();
        if (d.equals(org) || d.endsWith("." + org)) {
            return done(new ReportDestination(kind, uri, dest, DestinationStatus.SAME_ORGANIZATION, Optional.empty(),
                    d + " belongs to " + org + ", like the policy domain: no authorization needed."));
        }
        String name = policyDomain + "._report._dmarc." + d;
        if (name.length() > DnsNames.MAX_NAME_LENGTH) {
            return done(new ReportDestination(kind, uri, dest, DestinationStatus.NOT_AUTHORIZED, Optional.of(name),
                    "The authorization name " + name + " is longer than a DNS name can be, so " + d
                            + " cannot authorize reports for " + policyDomain + "."));
        }
        CompletableFuture<DnsResult> lookup = asked.computeIfAbsent(name, n -> resolver.lookup(n, RecordType.TXT));
        return lookup.thenApply(r -> classify(kind, uri, d, policyDomain, name, r));
    }

    static ReportDestination classify(ReportKind kind, ReportUri uri, String dest, String policyDomain, String name,
                                      DnsResult r) {
        Optional<String> dd = Optional.of(dest);
        if (r.isFailure()) {
            return new ReportDestination(kind, uri, dd, DestinationStatus.UNKNOWN, Optional.of(name),
                    "Could not check whether " + dest + " accepts reports for " + policyDomain + ": "
                            + r.describe() + ".");
        }
        boolean authorized = r instanceof DnsResult.Answer a && a.records(DnsRecord.Txt.class).stream()
                .map(DnsRecord.Txt::text).anyMatch(DmarcRecordParser::startsWithVersion);
        return authorized
                ? new ReportDestination(kind, uri, dd, DestinationStatus.AUTHORIZED, Optional.of(name),
                dest + " authorizes reports for " + policyDomain + " (" + name + ").")
                : new ReportDestination(kind, uri, dd, DestinationStatus.NOT_AUTHORIZED, Optional.of(name),
                dest + " is outside " + policyDomain + "'s organization and publishes no v=DMARC1 record at "
                        + name + " (" + r.outcome() + "), so receivers will not send it " + kind.tag() + " reports.");
    }

    private static <T> CompletableFuture<T> done(T v) {
        return CompletableFuture.completedFuture(v);
    }
}
