package org.maildoctor.auth.spf;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.maildoctor.dns.DnsNames;
import org.maildoctor.dns.DnsRecord;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.RecordType;

/**
 * One evaluation of {@code check_host()} (RFC 7208 4-6). Lives for one check; all DNS goes through
 * its {@link LookupBudget}. Every path returns a value; nothing is thrown for bad data.
 */
final class Evaluator {

    /**
     * What {@code check_host()} returned for one domain. The reason is built on demand: an include
     * whose record ends in {@code ~all} yields a reason nobody reads, and building it per include
     * was a measurable share of a warm check.
     */
    record HostResult(SpfResult result, Supplier<String> lazyReason, Optional<String> mechanism,
                      Optional<String> matchedIn, Optional<String> explanation) {
        HostResult(SpfResult result, String reason, Optional<String> mechanism, Optional<String> matchedIn,
                   Optional<String> explanation) {
            this(result, () -> reason, mechanism, matchedIn, explanation);
        }

        static HostResult of(SpfResult result, String reason) {
            return new HostResult(result, reason, Optional.empty(), Optional.empty(), Optional.empty());
        }

        static HostResult of(SpfResult result, Supplier<String> reason) {
            return new HostResult(result, reason, Optional.empty(), Optional.empty(), Optional.empty());
        }

        String reason() {
            return lazyReason.get();
        }
    }

    /** What evaluating one mechanism gave. */
    private sealed interface Match {
    }

    private record Matched() implements Match {
    }

    private record NoMatch() implements Match {
    }

    /** temperror or permerror, with the cause. */
    private record Abort(SpfResult result, String reason) implements Match {
    }

    /** Record lookup: the one record, or the result that ends evaluation of this domain. */
    private sealed interface Fetch {
    }

    private record Found(SpfRecord record) implements Fetch {
    }

    private record Done(HostResult result) implements Fetch {
    }

    private static final Match MATCHED = new Matched();
    private static final Match NO_MATCH = new NoMatch();

    private final LookupBudget budget;
    private final InetAddress ip;
    private final String sender;
    private final String helo;
    private final String receivingHost;
    private final Clock clock;
    private final SpfLimits limits;
    private final Optional<String> defaultExplanation;
    private final byte[] ipBytes; // getAddress() copies; once per evaluation, not once per range
    private List<String> confirmedNames; // for %{p}: looked up at most once per evaluation

    Evaluator(LookupBudget budget, InetAddress ip, String sender, String helo, String receivingHost, Clock clock,
              SpfLimits limits, Optional<String> defaultExplanation) {
        this.budget = budget;
        this.ip = ip;
        this.ipBytes = ip.getAddress();
        this.sender = sender;
        this.helo = helo;
        this.receivingHost = receivingHost;
        this.clock = clock;
        this.limits = limits;
        this.defaultExplanation = defaultExplanation;
    }

    LookupBudget budget() {
        return budget;
    }

    /** RFC 7208 4: fetch, select, parse and evaluate the record of {@code domain} (normalised). */
    HostResult checkHost(String domain, int depth) {
        if (depth > limits.maxDnsTerms()) {
            // unreachable while every include/redirect is charged as a term; kept so recursion is
            // bounded by construction, whatever the limits say
            return HostResult.of(SpfResult.PERMERROR, "include/redirect nesting deeper than " + limits.maxDnsTerms());
        }
        SpfRecord record;
        switch (fetchRecord(domain)) {
            case Done done -> {
                return done.result();
            }
            case Found found -> record = found.record();
        }
        for (Directive d : record.directives()) {
            if (d.mechanism().queriesDns()) {
                Optional<String> over = budget.chargeTerm(d.text());
                if (over.isPresent()) {
                    return new HostResult(SpfResult.PERMERROR, over.get(), Optional.of(d.text()), Optional.of(domain),
                            Optional.empty());
                }
            }
            Match m = match(d.mechanism(), domain, depth);
            switch (m) {
                case Abort a -> {
                    return new HostResult(a.result(), a.reason(), Optional.of(d.text()), Optional.of(domain),
                            Optional.empty());
                }
                case NoMatch n -> {
                }
                case Matched x -> {
                    SpfResult result = d.qualifier().result();
                    Optional<String> exp = result == SpfResult.FAIL ? explain(record, domain) : Optional.empty();
                    return new HostResult(result, () -> Ips.format(ip) + " matched " + Quote.q(d.text())
                            + " in the SPF record of " + domain, Optional.of(d.text()), Optional.of(domain), exp);
                }
            }
        }
        // 6.1: redirect is ignored when the record has "all" (which would have matched above anyway)
        if (record.redirect().isPresent() && !record.hasAll()) {
            Modifier.Redirect redirect = record.redirect().get();
            Optional<String> over = budget.chargeTerm(redirect.text());
            if (over.isPresent()) {
                return new HostResult(SpfResult.PERMERROR, over.get(), Optional.of(redirect.text()),
                        Optional.of(domain), Optional.empty());
            }
            Optional<String> target = targetName(redirect.domain(), domain);
            if (target.isEmpty()) {
                return HostResult.of(SpfResult.PERMERROR, Quote.q(redirect.text()) + " in " + domain
                        + " expands to a malformed domain (RFC 7208 6.1)");
            }
            HostResult inner = checkHost(target.get(), depth + 1);
            if (inner.result() == SpfResult.NONE) {
                return HostResult.of(SpfResult.PERMERROR, Quote.q(redirect.text()) + " in " + domain
                        + ": " + inner.reason() + " (RFC 7208 6.1: no record at a redirect target is permerror)");
            }
            return inner;
        }
        return HostResult.of(SpfResult.NEUTRAL, () -> "no mechanism in the SPF record of " + domain + " matched "
                + Ips.format(ip) + " (default result: neutral, RFC 7208 4.7)");
    }

    /** The one SPF record of a domain (RFC 7208 4.4, 4.5), or the result that ends evaluation. */
    private Fetch fetchRecord(String domain) {
        LookupBudget.Outcome o = budget.lookup(domain, RecordType.TXT, false);
        DnsResult r;
        switch (o) {
            case LookupBudget.Outcome.InvalidName bad -> {
                return new Done(HostResult.of(SpfResult.NONE, bad.reason()));
            }
            case LookupBudget.Outcome.LimitExceeded over -> {
                return new Done(HostResult.of(SpfResult.PERMERROR, over.reason()));
            }
            case LookupBudget.Outcome.Ok ok -> r = ok.result();
        }
        if (r.isFailure()) {
            return new Done(HostResult.of(SpfResult.TEMPERROR, "DNS error fetching the SPF record: " + r.describe()));
        }
        if (r.isVoid()) {
            return new Done(HostResult.of(SpfResult.NONE, "no SPF record: " + r.describe()));
        }
        DnsRecord.Txt first = null;
        int count = 0;
        for (DnsRecord rec : ((DnsResult.Answer) r).records()) {
            if (rec instanceof DnsRecord.Txt t && SpfRecord.isSpfRecord(t.text())) {
                count++;
                first = first == null ? t : first;
            }
        }
        if (count == 0) {
            return new Done(HostResult.of(SpfResult.NONE,
                    domain + " publishes no SPF record (no TXT record starts with v=spf1)"));
        }
        if (count > 1) {
            return new Done(HostResult.of(SpfResult.PERMERROR, domain + " publishes " + count
                    + " SPF records; exactly one is allowed (RFC 7208 4.5)"));
        }
        return switch (SpfRecord.parseCached(first.text())) {
            case SpfParseResult.Parsed p -> new Found(p.record());
            case SpfParseResult.SyntaxError e -> new Done(HostResult.of(SpfResult.PERMERROR,
                    "the SPF record of " + domain + " is invalid: " + e.describe()));
        };
    }

    private Match match(Mechanism mechanism, String domain, int depth) {
        return switch (mechanism) {
            case Mechanism.All a -> MATCHED;
            case Mechanism.Ip4 m -> Ips.contains(m.network(), m.prefix(), ipBytes) ? MATCHED : NO_MATCH;
            case Mechanism.Ip6 m -> Ips.contains(m.network(), m.prefix(), ipBytes) ? MATCHED : NO_MATCH;
            case Mechanism.A m -> matchA(m.domain().map(d -> targetName(d, domain)).orElse(Optional.of(domain)),
                    m.cidr());
            case Mechanism.Mx m -> matchMx(m.domain().map(d -> targetName(d, domain)).orElse(Optional.of(domain)),
                    m.cidr());
            case Mechanism.Ptr m -> matchPtr(m.domain().map(d -> targetName(d, domain)).orElse(Optional.of(domain)));
            case Mechanism.Exists m -> matchExists(targetName(m.domain(), domain));
            case Mechanism.Include m -> matchInclude(m, domain, depth);
        };
    }

    private RecordType addressType() {
        return ip instanceof Inet4Address ? RecordType.A : RecordType.AAAA;
    }

    /** 5.3: any A/AAAA address of the target within the prefix. */
    private Match matchA(Optional<String> target, Mechanism.DualCidr cidr) {
        if (target.isEmpty()) {
            return NO_MATCH;
        }
        return addressesMatch(target.get(), cidr, true);
    }

    private Match addressesMatch(String name, Mechanism.DualCidr cidr, boolean countsVoid) {
        LookupBudget.Outcome o = budget.lookup(name, addressType(), countsVoid);
        DnsResult r;
        switch (o) {
            case LookupBudget.Outcome.InvalidName bad -> {
                return NO_MATCH;
            }
            case LookupBudget.Outcome.LimitExceeded over -> {
                return new Abort(SpfResult.PERMERROR, over.reason());
            }
            case LookupBudget.Outcome.Ok ok -> r = ok.result();
        }
        if (r.isFailure()) {
            return new Abort(SpfResult.TEMPERROR, r.describe());
        }
        int prefix = cidr.prefixFor(ip);
        for (InetAddress a : addresses(r)) {
            if (Ips.contains(a, prefix, ipBytes)) {
                return MATCHED;
            }
        }
        return NO_MATCH;
    }

    private static List<InetAddress> addresses(DnsResult r) {
        List<InetAddress> out = new ArrayList<>();
        for (DnsRecord rec : r.recordsOrEmpty()) {
            if (rec instanceof DnsRecord.A a) {
                out.add(a.address());
            } else if (rec instanceof DnsRecord.Aaaa a) {
                out.add(a.address());
            }
        }
        return out;
    }

    /** 5.4: the addresses of every MX host; more than 10 MX names is permerror (4.6.4). */
    private Match matchMx(Optional<String> target, Mechanism.DualCidr cidr) {
        if (target.isEmpty()) {
            return NO_MATCH;
        }
        LookupBudget.Outcome o = budget.lookup(target.get(), RecordType.MX, true);
        DnsResult r;
        switch (o) {
            case LookupBudget.Outcome.InvalidName bad -> {
                return NO_MATCH;
            }
            case LookupBudget.Outcome.LimitExceeded over -> {
                return new Abort(SpfResult.PERMERROR, over.reason());
            }
            case LookupBudget.Outcome.Ok ok -> r = ok.result();
        }
        if (r.isFailure()) {
            return new Abort(SpfResult.TEMPERROR, r.describe());
        }
        List<DnsRecord.Mx> mxs = r instanceof DnsResult.Answer a ? a.records(DnsRecord.Mx.class) : List.of();
        if (mxs.size() > limits.maxNamesPerLookup()) {
            return new Abort(SpfResult.PERMERROR, target.get() + " has " + mxs.size() + " MX records; 'mx' may look up at most "
                    + limits.maxNamesPerLookup() + " (RFC 7208 4.6.4)");
        }
        for (DnsRecord.Mx mx : mxs) {
            if (mx.isNullMx()) {
                continue;
            }
            // 4.6.4 limits void *terms*; an MX host without an address of the client's family (an IPv6
            // client, MX hosts with only A records) is not a void term, or dual-stack mail would permerror
            Match m = addressesMatch(mx.exchange(), cidr, false);
            if (!(m instanceof NoMatch)) {
                return m;
            }
        }
        return NO_MATCH;
    }

    /**
     * 5.5: a validated reverse name equal to or under the target. DNS errors on the PTR lookup
     * mean "no match", not temperror (5.5); names past the 10th are ignored (4.6.4).
     */
    private Match matchPtr(Optional<String> target) {
        if (target.isEmpty()) {
            return NO_MATCH;
        }
        String t = target.get();
        LookupBudget.Outcome o = budget.lookup(DnsNames.reverseName(ip), RecordType.PTR, true);
        if (o instanceof LookupBudget.Outcome.LimitExceeded over) {
            return new Abort(SpfResult.PERMERROR, over.reason());
        }
        if (!(o instanceof LookupBudget.Outcome.Ok ok) || !(ok.result() instanceof DnsResult.Answer answer)) {
            return NO_MATCH;
        }
        for (String name : ptrNames(answer)) {
            if ((name.equals(t) || name.endsWith("." + t)) && forwardConfirmed(name)) {
                return MATCHED;
            }
        }
        return NO_MATCH;
    }

    private List<String> ptrNames(DnsResult.Answer answer) {
        return answer.records(DnsRecord.Ptr.class).stream().map(p -> p.target().toLowerCase(Locale.ROOT))
                .limit(limits.maxNamesPerLookup()).toList();
    }

    /** Whether {@code name} has an address equal to the client's (errors: no). */
    private boolean forwardConfirmed(String name) {
        LookupBudget.Outcome o = budget.lookup(name, addressType(), false);
        return o instanceof LookupBudget.Outcome.Ok ok && addresses(ok.result()).contains(ip);
    }

    /** 5.7: an A lookup (whatever the client's family) that answers. */
    private Match matchExists(Optional<String> target) {
        if (target.isEmpty()) {
            return NO_MATCH;
        }
        LookupBudget.Outcome o = budget.lookup(target.get(), RecordType.A, true);
        return switch (o) {
            case LookupBudget.Outcome.InvalidName bad -> NO_MATCH;
            case LookupBudget.Outcome.LimitExceeded over -> new Abort(SpfResult.PERMERROR, over.reason());
            case LookupBudget.Outcome.Ok ok -> ok.result().isFailure()
                    ? new Abort(SpfResult.TEMPERROR, ok.result().describe())
                    : ok.result() instanceof DnsResult.Answer ? MATCHED : NO_MATCH;
        };
    }

    /** 5.2: pass matches; fail/softfail/neutral do not; temperror stays; permerror and none are permerror. */
    private Match matchInclude(Mechanism.Include m, String domain, int depth) {
        Optional<String> target = targetName(m.domain(), domain);
        if (target.isEmpty()) {
            return new Abort(SpfResult.PERMERROR, Quote.q(m.text()) + " expands to a malformed domain");
        }
        HostResult inner = checkHost(target.get(), depth + 1);
        return switch (inner.result()) {
            case PASS -> MATCHED;
            case FAIL, SOFTFAIL, NEUTRAL -> NO_MATCH;
            case TEMPERROR -> new Abort(SpfResult.TEMPERROR, via(target.get(), inner.reason()));
            case PERMERROR -> new Abort(SpfResult.PERMERROR, via(target.get(), inner.reason()));
            case NONE -> new Abort(SpfResult.PERMERROR, via(target.get(), inner.reason())
                    + " (RFC 7208 5.2: an include without a record is permerror)");
        };
    }

    /** Nested includes read as a path: "include:a > include:b: cause". */
    private static String via(String target, String innerReason) {
        return "include:" + target + (innerReason.startsWith("include:") ? " > " : ": ") + innerReason;
    }

    /**
     * Expands a domain-spec into a name to query (RFC 7208 7.3): trailing dot dropped, labels
     * removed from the left until it fits 253 characters; empty when the result cannot be a name.
     */
    Optional<String> targetName(MacroString spec, String domain) {
        String expanded = spec.expand(letter -> macroValue(letter, domain));
        while (expanded.endsWith(".")) {
            expanded = expanded.substring(0, expanded.length() - 1);
        }
        while (expanded.length() > DnsNames.MAX_NAME_LENGTH && expanded.indexOf('.') >= 0) {
            expanded = expanded.substring(expanded.indexOf('.') + 1);
        }
        if (expanded.isEmpty() || expanded.length() > DnsNames.MAX_NAME_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(DnsNames.normalize(expanded));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** RFC 7208 7.3 macro letters for this evaluation. */
    String macroValue(char letter, String domain) {
        int at = sender.lastIndexOf('@');
        return switch (letter) {
            case 's' -> sender;
            case 'l' -> at < 0 ? "postmaster" : sender.substring(0, at);
            case 'o' -> at < 0 ? sender : sender.substring(at + 1);
            case 'd' -> domain;
            case 'i' -> Ips.dotted(ip);
            case 'p' -> validatedName(domain);
            case 'v' -> ip instanceof Inet4Address ? "in-addr" : "ip6";
            case 'h' -> helo;
            case 'c' -> Ips.format(ip);
            case 'r' -> receivingHost;
            case 't' -> Long.toString(clock.instant().getEpochSecond());
            default -> "";
        };
    }

    /**
     * {@code %{p}} (7.3): a forward-confirmed reverse name of the client, preferring the domain
     * itself, then a subdomain, then any; "unknown" when there is none or DNS fails. The lookups
     * are made once per evaluation; the preference depends on the domain being evaluated.
     */
    private String validatedName(String domain) {
        if (confirmedNames == null) {
            confirmedNames = List.of();
            LookupBudget.Outcome o = budget.lookup(DnsNames.reverseName(ip), RecordType.PTR, false);
            if (o instanceof LookupBudget.Outcome.Ok ok && ok.result() instanceof DnsResult.Answer answer) {
                confirmedNames = ptrNames(answer).stream().filter(this::forwardConfirmed).toList();
            }
        }
        return confirmedNames.stream().filter(domain::equals).findFirst()
                .or(() -> confirmedNames.stream().filter(n -> n.endsWith("." + domain)).findFirst())
                .or(() -> confirmedNames.stream().findFirst())
                .orElse("unknown");
    }

    /**
     * The explanation of a fail (6.2): the TXT at the expanded {@code exp=} name, expanded with
     * c/r/t allowed; any DNS error, no record, several records or a syntax error means "as if there
     * were no exp", i.e. the default explanation.
     */
    private Optional<String> explain(SpfRecord record, String domain) {
        Optional<String> fallback = defaultExplanation.map(t -> expandExplanation(t, domain).orElse(t));
        if (record.exp().isEmpty()) {
            return fallback;
        }
        Optional<String> target = targetName(record.exp().get().domain(), domain);
        if (target.isEmpty()) {
            return fallback;
        }
        LookupBudget.Outcome o = budget.lookup(target.get(), RecordType.TXT, false);
        if (!(o instanceof LookupBudget.Outcome.Ok ok) || !(ok.result() instanceof DnsResult.Answer answer)) {
            return fallback;
        }
        List<DnsRecord.Txt> txts = answer.records(DnsRecord.Txt.class);
        if (txts.size() != 1) {
            return fallback;
        }
        return expandExplanation(txts.getFirst().text(), domain).or(() -> fallback);
    }

    private Optional<String> expandExplanation(String text, String domain) {
        return switch (MacroString.parse(text, MacroString.Context.EXPLANATION)) {
            case MacroString.Parsed p -> Optional.of(p.value().expand(letter -> macroValue(letter, domain)));
            case MacroString.Invalid i -> Optional.empty();
        };
    }
}
