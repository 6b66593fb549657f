package org.maildoctor.generate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.maildoctor.auth.dmarc.AlignmentMode;
import org.maildoctor.auth.dmarc.DmarcFinding;
import org.maildoctor.auth.dmarc.DmarcParseResult;
import org.maildoctor.auth.dmarc.DmarcRecordParser;
import org.maildoctor.auth.dmarc.FailureOption;
import org.maildoctor.auth.dmarc.Policy;
import org.maildoctor.auth.dmarc.PublicSuffixList;
import org.maildoctor.auth.dmarc.ReportUriParse;
import org.maildoctor.model.Severity;
import org.maildoctor.dns.DnsNameException;
import org.maildoctor.dns.DnsNames;

/**
 * Builds a DMARC record from {@link DmarcChoices}, checked by {@link DmarcRecordParser}; the rollout
 * plan (monitor, quarantine in steps, reject); and the authorization records for report addresses
 * in other organizational domains. Pure: the organizational domain comes from the shipped Public
 * Suffix List (RFC 7489 §3.2), which needs no DNS.
 */
public final class DmarcGenerator {
    /** The quarantine ramp of the rollout plan, in percent. */
    static final int[] RAMP = {25, 50, 100};

    private final PublicSuffixList psl;

    public DmarcGenerator(PublicSuffixList psl) {
        this.psl = psl;
    }

    public DmarcGenerator() {
        this(PublicSuffixList.shipped());
    }

    /** @throws IllegalArgumentException with a message fit for the user when a choice is not valid */
    public DmarcProposal generate(DmarcChoices c) {
        String domain = domain(c.domain());
        String text = build(c);
        DmarcParseResult parsed = DmarcRecordParser.parse(text);
        if (parsed instanceof DmarcParseResult.Invalid inv) {
            throw new IllegalArgumentException("the record would not be valid DMARC: " + String.join("; ",
                    inv.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                            .map(DmarcFinding::explanation).toList()));
        }
        List<String> warnings = parsed.findings().stream().filter(f -> f.severity() != Severity.INFO)
                .map(DmarcFinding::explanation).toList();
        return new DmarcProposal(domain, TxtRecord.of("_dmarc." + domain, text), rollout(c),
                external(domain, c), warnings);
    }

    /** The record text with only the tags that differ from their defaults, {@code v} and {@code p} first. */
    public static String build(DmarcChoices c) {
        domain(c.domain());
        List<String> tags = new ArrayList<>();
        tags.add("v=DMARC1");
        tags.add("p=" + c.policy().token());
        c.subdomainPolicy().ifPresent(p -> tags.add("sp=" + p.token()));
        c.nonExistentPolicy().ifPresent(p -> tags.add("np=" + p.token()));
        if (c.pct().isPresent()) {
            int pct = c.pct().getAsInt();
            if (pct < 0 || pct > 100) {
                throw new IllegalArgumentException("pct must be 0 to 100, not " + pct);
            }
            if (pct != 100) {
                tags.add("pct=" + pct);
            }
        }
        if (!c.rua().isEmpty()) {
            tags.add("rua=" + uris(c.rua(), "rua"));
        }
        if (!c.ruf().isEmpty()) {
            tags.add("ruf=" + uris(c.ruf(), "ruf"));
        }
        if (c.adkim() == AlignmentMode.STRICT) {
            tags.add("adkim=s");
        }
        if (c.aspf() == AlignmentMode.STRICT) {
            tags.add("aspf=s");
        }
        Set<FailureOption> fo = c.fo();
        if (!fo.isEmpty() && !fo.equals(Set.of(FailureOption.ALL_FAIL))) {
            tags.add("fo=" + String.join(":", fo.stream().sorted().map(FailureOption::token).toList()));
        }
        return String.join("; ", tags);
    }

    /**
     * p=none with reports, quarantine at 25, 50, 100 %, then reject; ending at the chosen policy when
     * it is quarantine, and going all the way to reject when it is none or reject.
     */
    public static List<RolloutStage> rollout(DmarcChoices c) {
        List<RolloutStage> plan = new ArrayList<>();
        String reports = c.rua().isEmpty() ? " Add rua= first: without aggregate reports you cannot see what "
                + "would fail." : "";
        plan.add(new RolloutStage(1, build(c.withPolicy(Policy.NONE, OptionalInt.empty())), "2 to 4 weeks",
                "the aggregate reports show every legitimate source passing SPF or DKIM aligned with "
                        + c.domain() + "." + reports));
        int step = 2;
        for (int pct : RAMP) {
            plan.add(new RolloutStage(step++, build(c.withPolicy(Policy.QUARANTINE,
                    pct == 100 ? OptionalInt.empty() : OptionalInt.of(pct))), pct == 100 ? "2 to 4 weeks" : "1 to 2 weeks",
                    "no legitimate mail is reported failing" + (pct == 100 ? "" : "; pct is RFC 7489's: receivers "
                            + "that follow only RFC 9989 ignore it and quarantine all failing mail")));
        }
        if (c.policy() != Policy.QUARANTINE) {
            plan.add(new RolloutStage(step, build(c.withPolicy(Policy.REJECT, OptionalInt.empty())), "ongoing",
                    "keep reading the reports: a new sending service must be aligned before it sends"));
        }
        return List.copyOf(plan);
    }

    /** {@code <domain>._report._dmarc.<destination>} TXT "v=DMARC1" for each destination outside the organization. */
    List<TxtRecord> external(String domain, DmarcChoices c) {
        String org = psl.registrableDomain(domain).orElse(domain);
        Set<String> dests = new LinkedHashSet<>();
        for (String u : concat(c.rua(), c.ruf())) {
            if (DmarcRecordParser.parseReportUri(uri(u)) instanceof ReportUriParse.Valid v
                    && v.uri().destinationHost().isPresent()) {
                String d = v.uri().destinationHost().get().toLowerCase(Locale.ROOT);
                String destOrg = psl.registrableDomain(d).orElse(d);
                if (!destOrg.equals(org)) {
                    dests.add(d);
                }
            }
        }
        return dests.stream().map(d -> TxtRecord.of(domain + "._report._dmarc." + d, "v=DMARC1")).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String uris(List<String> addresses, String tag) {
        List<String> out = new ArrayList<>();
        for (String a : addresses) {
            String u = uri(a);
            if (DmarcRecordParser.parseReportUri(u) instanceof ReportUriParse.Invalid inv) {
                throw new IllegalArgumentException(tag + " '" + a + "' is not a usable report address: "
                        + inv.finding().explanation());
            }
            out.add(u);
        }
        return String.join(",", out);
    }

    /** A bare address gets the mailto: scheme, the only one receivers use. */
    static String uri(String address) {
        String a = address.strip();
        return a.contains(":") ? a : "mailto:" + a;
    }

    private static String domain(String d) {
        try {
            return DnsNames.normalize(d);
        } catch (DnsNameException e) {
            throw new IllegalArgumentException("'" + d + "' is not a domain name: " + e.getMessage());
        }
    }

    /** Optional helper for callers that parse user text. */
    public static Optional<Policy> policy(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Policy.parse(text.strip());
    }
}
