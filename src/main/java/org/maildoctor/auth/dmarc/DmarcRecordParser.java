package org.maildoctor.auth.dmarc;

import org.maildoctor.model.Severity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Parses and lints DMARC policy records, RFC 9989 first and RFC 7489 compatible. Pure: text in,
 * {@link DmarcParseResult} out; never throws on any input.
 *
 * <p>Grammar (RFC 9989 §4.8, "Formal Definition"): {@code dmarc-record = dmarc-version
 * *(dmarc-sep dmarc-tag) [dmarc-sep]}, {@code dmarc-sep = *WSP ";" *WSP}, {@code equals = *WSP "="
 * *WSP}, {@code dmarc-version = "v" equals %s"DMARC1"} (value case-sensitive, tag name not),
 * {@code dmarc-tag = 1*ALPHA equals 1*dmarc-value}, values printable ASCII except ';'.
 */
public final class DmarcRecordParser {

    private static final Set<String> KNOWN = Set.of("v", "p", "sp", "np", "adkim", "aspf", "rua", "ruf", "fo",
            "t", "psd");
    private static final Set<String> REMOVED_IN_9989 = Set.of("pct", "rf", "ri");

    private DmarcRecordParser() {
    }

    /** Parses one record string, as published at {@code _dmarc.<domain>}. */
    public static DmarcParseResult parse(String text) {
        return new Run(text == null ? "" : text, false).parse();
    }

    /**
     * Parses a record of a parked domain (one that sends no mail): anything but {@code p=reject} and a
     * reject subdomain policy is worth a warning (REFERENCE §1: parked domains).
     */
    public static DmarcParseResult parseForParkedDomain(String text) {
        return new Run(text == null ? "" : text, true).parse();
    }

    /** Parses one {@code rua}/{@code ruf} URI. */
    public static ReportUriParse parseReportUri(String uri) {
        return ReportUriParser.parse(uri);
    }

    /**
     * Results are immutable, and a receiver meets the same few policies again and again: the parse
     * was a visible share of the receiver's analysis (bench/RESULTS.md, rx-arc). Like
     * {@code DkimKeyRecordParser.parseCached}.
     */
    private static final Cache<List<String>, DmarcParseResult> PARSED = Caffeine.newBuilder()
            .maximumSize(10_000).build();

    /** {@link #parseTxtSet}, memoised by the TXT strings for sets of ordinary size. */
    public static DmarcParseResult parseTxtSetCached(List<String> txtRecords) {
        int size = 0;
        for (String t : txtRecords) {
            if (t == null) {
                return parseTxtSet(txtRecords);
            }
            size += t.length();
        }
        return size > 8192 ? parseTxtSet(txtRecords) : PARSED.get(List.copyOf(txtRecords), DmarcRecordParser::parseTxtSet);
    }

    /**
     * Picks the DMARC record out of the whole TXT answer at {@code _dmarc.<domain>} (each element one
     * record, its strings already joined) and parses it. RFC 9989 §4.10 step 2: records that do not
     * start with {@code v=DMARC1} are discarded, and several DMARC records are all discarded.
     */
    public static DmarcParseResult parseTxtSet(List<String> txtRecords) {
        List<DmarcFinding> findings = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        boolean attempted = false;
        for (String t : txtRecords) {
            String s = t == null ? "" : t;
            if (startsWithVersion(s)) {
                candidates.add(s);
            } else if (startsWithVersion(s.strip())) {
                attempted = true;
                findings.add(DmarcFinding.of(FindingId.LEADING_WHITESPACE, "The record '" + Tokens.shorten(s)
                        + "' starts with white space, so it does not start with v=DMARC1 and receivers discard it "
                        + "(RFC 9989 §4.10 step 2).", "Remove the white space before v=DMARC1."));
            } else if (s.strip().toLowerCase(Locale.ROOT).startsWith("v=spf1")) {
                attempted = true;
                findings.add(spfAtDmarc(s));
            } else {
                findings.add(DmarcFinding.of(FindingId.UNRELATED_TXT, "A TXT record that is not a DMARC record is "
                        + "published at the DMARC name: '" + Tokens.shorten(s) + "'. Receivers discard it "
                        + "(RFC 7489 §6.6.3), but strict validators report the name as misconfigured.",
                        "Move it elsewhere; only the DMARC record belongs at _dmarc."));
            }
        }
        if (candidates.size() > 1) {
            findings.add(0, DmarcFinding.of(FindingId.MULTIPLE_RECORDS, candidates.size()
                    + " DMARC records are published; receivers discard them all and apply no DMARC policy "
                    + "from this name (RFC 9989 §4.10 step 2, RFC 7489 §6.6.3).", "Publish exactly one record."));
            return new DmarcParseResult.Invalid(String.join("\n", candidates), findings, Optional.empty());
        }
        if (candidates.isEmpty()) {
            if (attempted) {
                return new DmarcParseResult.Invalid(String.join("\n", txtRecords), findings, Optional.empty());
            }
            List<DmarcFinding> absent = new ArrayList<>();
            absent.add(DmarcFinding.of(FindingId.NO_RECORD, "No DMARC record is published here.",
                    "Publish a TXT record such as \"v=DMARC1; p=none; rua=mailto:dmarc-reports@<your domain>\" "
                            + "and tighten p once the reports look clean."));
            absent.addAll(findings.stream().map(f -> new DmarcFinding(f.id(), Severity.WARNING, f.explanation(),
                    f.fix())).toList());
            return new DmarcParseResult.Absent(absent);
        }
        DmarcParseResult one = parse(candidates.getFirst());
        if (findings.isEmpty()) {
            return one;
        }
        List<DmarcFinding> all = new ArrayList<>(findings);
        all.addAll(one.findings());
        String text = candidates.getFirst();
        return switch (one) {
            case DmarcParseResult.Valid v -> new DmarcParseResult.Invalid(text, all, Optional.of(v.record()));
            case DmarcParseResult.Invalid i -> new DmarcParseResult.Invalid(text, all, i.effectiveRecord());
            case DmarcParseResult.Absent a -> new DmarcParseResult.Absent(all);
        };
    }

    /** Whether a TXT string is a DMARC record: it starts with {@code v=DMARC1} (RFC 9989 §4.10 step 2). */
    public static boolean startsWithVersion(String s) {
        if (s.isEmpty() || (s.charAt(0) != 'v' && s.charAt(0) != 'V')) {
            return false;
        }
        int semi = s.indexOf(';');
        String first = semi >= 0 ? s.substring(0, semi) : s;
        int eq = first.indexOf('=');
        return eq > 0 && Tokens.stripWsp(first.substring(0, eq)).equalsIgnoreCase("v")
                && Tokens.stripWsp(first.substring(eq + 1)).equals("DMARC1");
    }

    private static DmarcFinding spfAtDmarc(String s) {
        return DmarcFinding.of(FindingId.SPF_AT_DMARC, "An SPF record ('" + Tokens.shorten(s)
                + "') is published where the DMARC record should be.",
                "Publish the SPF record at the domain itself and a v=DMARC1 record at _dmarc.");
    }

    /** One parse: mutable scratch state, confined to a single call. */
    private static final class Run {
        private final String text;
        private final boolean parked;
        private final List<DmarcFinding> findings = new ArrayList<>();
        private final Map<String, String> tags = new LinkedHashMap<>();
        private boolean fatal; // the tag-list itself is unusable: no DMARC processing at all
        private boolean policyTagInvalid;

        Run(String text, boolean parked) {
            this.text = text;
            this.parked = parked;
        }

        DmarcParseResult parse() {
            if (!startsWithVersion(text)) {
                return notDmarc();
            }
            tokenize();
            if (fatal) {
                return new DmarcParseResult.Invalid(text, findings, Optional.empty());
            }
            DmarcRecord record = build();
            advise(record);
            boolean invalid = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
            if (!invalid) {
                return new DmarcParseResult.Valid(record, findings);
            }
            Optional<DmarcRecord> effective = Optional.of(record);
            if (policyTagInvalid) {
                // RFC 9989 §4.10.1: an invalid p, sp or np means "act as p=none" if rua holds a valid URI,
                // else no DMARC processing at all.
                effective = record.aggregateReports().isEmpty() ? Optional.empty()
                        : Optional.of(new DmarcRecord(text, Optional.empty(), Optional.empty(), Optional.empty(),
                                record.dkimAlignment(), record.spfAlignment(), record.aggregateReports(),
                                record.failureReports(), record.failureOptions(), record.testing(), record.psd(),
                                record.deprecatedTags(), record.percentage(), record.unknownTags()));
            }
            return new DmarcParseResult.Invalid(text, findings, effective);
        }

        private DmarcParseResult notDmarc() {
            String s = text;
            if (!s.isEmpty() && Character.isWhitespace(s.charAt(0)) && startsWithVersion(s.strip())) {
                findings.add(DmarcFinding.of(FindingId.LEADING_WHITESPACE, "The record starts with white space, "
                        + "so it does not start with v=DMARC1 and receivers discard it (RFC 9989 §4.10 step 2).",
                        "Remove the white space before v=DMARC1."));
            } else if (s.strip().toLowerCase(Locale.ROOT).startsWith("v=spf1")) {
                findings.add(spfAtDmarc(s));
            } else if (s.strip().regionMatches(true, 0, "v=dmarc", 0, 7)) {
                findings.add(DmarcFinding.of(FindingId.NOT_DMARC, "The version tag of '" + Tokens.shorten(s)
                        + "' is not exactly v=DMARC1 (the value is case-sensitive, RFC 9989 §4.7), so receivers "
                        + "ignore the whole record.", "Start the record with v=DMARC1; exactly."));
            } else {
                findings.add(DmarcFinding.of(FindingId.NOT_DMARC, "'" + Tokens.shorten(s) + "' is not a DMARC "
                        + "record: it must start with v=DMARC1 (RFC 9989 §4.7).",
                        "Start the record with v=DMARC1; followed by the tags, e.g. v=DMARC1; p=none."));
            }
            return new DmarcParseResult.Invalid(text, findings, Optional.empty());
        }

        private void tokenize() {
            String[] parts = text.split(";", -1);
            for (int i = 1; i < parts.length; i++) {
                String part = Tokens.stripWsp(parts[i]);
                if (part.isEmpty()) {
                    continue; // a trailing separator is allowed; an empty tag between two ';' is harmless
                }
                int eq = part.indexOf('=');
                String name = Tokens.stripWsp(eq >= 0 ? part.substring(0, eq) : part);
                String lower = name.toLowerCase(Locale.ROOT);
                if (eq < 0) {
                    syntax("the tag '" + Tokens.shorten(part) + "' has no '=' and no value");
                    markInvalidPolicy(lower);
                    continue;
                }
                String value = Tokens.stripWsp(part.substring(eq + 1));
                if (name.isEmpty() || !name.chars().allMatch(c -> Tokens.isAlpha((char) c))) {
                    syntax("'" + Tokens.shorten(name) + "' is not a tag name (letters only)");
                    continue;
                }
                if (value.isEmpty()) {
                    syntax("the tag " + lower + " has an empty value");
                    markInvalidPolicy(lower);
                    continue;
                }
                Optional<Character> bad = badValueChar(value);
                if (bad.isPresent()) {
                    syntax("the value of " + lower + " contains "
                            + String.format("the character U+%04X", (int) bad.get())
                            + " (values are printable ASCII without ';')");
                    markInvalidPolicy(lower);
                    continue;
                }
                if (tags.containsKey(lower) || lower.equals("v")) {
                    // RFC 6376 §3.2 (the tag-value syntax RFC 9989 §4.7 reuses): a duplicate tag invalidates the list
                    findings.add(DmarcFinding.of(FindingId.DUPLICATE_TAG, "The tag " + lower + " appears more than "
                            + "once; the tag-list syntax DMARC uses (RFC 6376 §3.2) makes the whole record invalid.",
                            "Keep a single " + lower + "= tag."));
                    fatal = true;
                    continue;
                }
                tags.put(lower, value);
            }
        }

        private void markInvalidPolicy(String tag) {
            if (tag.equals("p") || tag.equals("sp") || tag.equals("np")) {
                policyTagInvalid = true;
            }
        }

        private static Optional<Character> badValueChar(String v) {
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c < 0x20 || c > 0x7e) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }

        private void syntax(String why) {
            findings.add(DmarcFinding.of(FindingId.SYNTAX, "Syntax error: " + why + " (RFC 9989 §4.8).",
                    "Write each tag as name=value, separated by ';', e.g. v=DMARC1; p=none."));
        }

        private void invalidValue(String tag, String value, String allowed) {
            findings.add(DmarcFinding.of(FindingId.INVALID_TAG_VALUE, "The tag " + tag + " has the invalid value '"
                    + Tokens.shorten(value) + "'; allowed: " + allowed + ".", "Give " + tag + " one of the allowed values ("
                    + allowed + ") or remove the tag."));
        }

        private Optional<Policy> policyTag(String tag) {
            String v = tags.get(tag);
            if (v == null) {
                return Optional.empty();
            }
            Optional<Policy> p = Policy.parse(v);
            if (p.isEmpty()) {
                invalidValue(tag, v, "none, quarantine or reject");
                policyTagInvalid = true;
            }
            return p;
        }

        private <T> T flag(String tag, java.util.function.Function<String, Optional<T>> parser, T dflt,
                           String allowed) {
            String v = tags.get(tag);
            if (v == null) {
                return dflt;
            }
            Optional<T> t = parser.apply(v);
            if (t.isEmpty()) {
                invalidValue(tag, v, allowed);
            }
            return t.orElse(dflt);
        }

        private List<ReportUri> uris(String tag) {
            String v = tags.get(tag);
            List<ReportUri> out = new ArrayList<>();
            if (v == null) {
                return out;
            }
            for (String one : v.split(",", -1)) {
                switch (ReportUriParser.parse(one)) {
                    case ReportUriParse.Valid ok -> {
                        out.add(ok.uri());
                        findings.addAll(ok.findings());
                    }
                    case ReportUriParse.Invalid bad -> findings.add(new DmarcFinding(bad.finding().id(),
                            bad.finding().severity(), tag + ": " + bad.finding().explanation(), bad.finding().fix()));
                }
            }
            return out;
        }

        private Set<FailureOption> failureOptions() {
            String v = tags.get("fo");
            Set<FailureOption> dflt = EnumSet.of(FailureOption.ALL_FAIL);
            if (v == null) {
                return dflt;
            }
            Set<FailureOption> out = EnumSet.noneOf(FailureOption.class);
            boolean repeated = false;
            for (String one : v.split(":", -1)) {
                Optional<FailureOption> f = FailureOption.parse(one);
                if (f.isEmpty()) {
                    invalidValue("fo", v, "0, 1, d, s or a ':'-separated list of them");
                    return dflt;
                }
                repeated |= !out.add(f.get());
            }
            if (repeated || (out.contains(FailureOption.ALL_FAIL) && out.contains(FailureOption.ANY_FAIL))) {
                findings.add(DmarcFinding.of(FindingId.FO_REDUNDANT, "fo=" + v + " is redundant: "
                        + (repeated ? "a value is repeated" : "1 (any failure) already includes 0 (all failed)") + ".",
                        "Use fo=1 alone, or fo=0."));
            }
            return out;
        }

        private DmarcRecord build() {
            Optional<Policy> p = policyTag("p");
            Optional<Policy> sp = policyTag("sp");
            Optional<Policy> np = policyTag("np");
            AlignmentMode adkim = flag("adkim", AlignmentMode::parse, AlignmentMode.RELAXED, "r or s");
            AlignmentMode aspf = flag("aspf", AlignmentMode::parse, AlignmentMode.RELAXED, "r or s");
            TestingMode t = flag("t", TestingMode::parse, TestingMode.OFF, "y or n");
            PsdFlag psd = flag("psd", PsdFlag::parse, PsdFlag.UNKNOWN, "y, n or u");
            List<ReportUri> rua = uris("rua");
            List<ReportUri> ruf = uris("ruf");
            Set<FailureOption> fo = failureOptions();
            Map<String, String> deprecated = new LinkedHashMap<>();
            List<String> unknown = new ArrayList<>();
            OptionalInt pct = OptionalInt.empty();
            for (Map.Entry<String, String> e : tags.entrySet()) {
                String name = e.getKey();
                if (REMOVED_IN_9989.contains(name)) {
                    deprecated.put(name, e.getValue());
                    findings.add(deprecatedFinding(name, e.getValue()));
                    if (name.equals("pct")) {
                        pct = percentage(e.getValue());
                    }
                } else if (!KNOWN.contains(name)) {
                    unknown.add(name);
                    findings.add(DmarcFinding.of(FindingId.UNKNOWN_TAG, "Unknown DMARC tag '" + Tokens.shorten(name)
                            + "': receivers ignore it (RFC 9989 §4.7).", "Remove it, or check its spelling."));
                }
            }
            return new DmarcRecord(text, p, sp, np, adkim, aspf, rua, ruf, fo, t, psd, deprecated, pct, unknown);
        }

        private static OptionalInt percentage(String v) {
            if (v.length() > 3 || v.isEmpty() || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return OptionalInt.empty();
            }
            int n = Integer.parseInt(v);
            return n <= 100 ? OptionalInt.of(n) : OptionalInt.empty();
        }

        private static DmarcFinding deprecatedFinding(String name, String value) {
            String meaning = switch (name) {
                case "pct" -> "the percentage of failing mail the policy applies to";
                case "rf" -> "the failure-report format";
                default -> "the aggregate-report interval";
            };
            String validity7489 = switch (name) {
                case "pct" -> percentage(value).isPresent() ? "valid" : "invalid (0-100 expected)";
                case "rf" -> value.equalsIgnoreCase("afrf") ? "valid" : "invalid (afrf expected)";
                default -> value.chars().allMatch(c -> c >= '0' && c <= '9') && value.length() <= 10
                        ? "valid" : "invalid (seconds expected)";
            };
            String fix = name.equals("pct")
                    ? "Remove pct; to test a stricter policy use t=y (RFC 9989), which applies one policy level lower."
                    : "Remove " + name + "; RFC 9989 receivers ignore it.";
            return DmarcFinding.of(FindingId.DEPRECATED_TAG, "The tag " + name + "=" + Tokens.shorten(value) + " ("
                    + meaning + ") was removed by RFC 9989; RFC 7489 receivers still read it (value " + validity7489
                    + " for RFC 7489).", fix);
        }

        private void advise(DmarcRecord r) {
            if (!tags.containsKey("p") && !policyTagInvalid) {
                findings.add(DmarcFinding.of(FindingId.NO_POLICY, "The record has no p tag. RFC 9989 treats that "
                        + "as p=none, but RFC 7489 requires p and its receivers may ignore the record.",
                        "Add p=none (or stricter) right after v=DMARC1."));
            } else if (r.requestedPolicy().orElse(null) == Policy.NONE && !parked) {
                findings.add(DmarcFinding.of(FindingId.POLICY_NONE, "p=none: monitoring only; receivers are not "
                        + "asked to act on mail that fails DMARC, so spoofed mail is still delivered.",
                        "Once the aggregate reports show your own mail passing, move to p=quarantine, then p=reject."));
            }
            List<String> keys = new ArrayList<>(tags.keySet());
            if (tags.containsKey("p") && !keys.getFirst().equals("p")) {
                findings.add(DmarcFinding.of(FindingId.P_NOT_SECOND, "The p tag does not immediately follow the v tag. "
                        + "RFC 9989 allows any order, but RFC 7489 §6.4 required p second and some older receivers "
                        + "reject the record.", "Put p= right after v=DMARC1."));
            }
            r.subdomainPolicy().filter(sp -> sp.weakerThan(r.policy())).ifPresent(sp -> findings.add(
                    DmarcFinding.of(FindingId.SUBDOMAIN_POLICY_WEAKER, "sp=" + sp.token() + " is weaker than p="
                            + r.policy().token() + ": spoofed mail from subdomains gets less protection.",
                            "Remove sp (subdomains then follow p), or set sp=" + r.policy().token() + ".")));
            r.nonExistentPolicy().filter(np -> np.weakerThan(r.effectiveSubdomainPolicy())).ifPresent(np ->
                    findings.add(DmarcFinding.of(FindingId.SUBDOMAIN_POLICY_WEAKER, "np=" + np.token()
                            + " is weaker than the policy for existing subdomains; non-existent subdomains are a "
                            + "favourite of spoofers.", "Set np=reject.")));
            if (r.testing() == TestingMode.ON) {
                findings.add(DmarcFinding.of(FindingId.TESTING_MODE, "t=y: testing mode; RFC 9989 receivers apply "
                        + "one policy level lower (reject as quarantine, quarantine as none).",
                        "Remove t=y when the reports show your mail passing."));
            }
            if (!tags.containsKey("rua")) {
                findings.add(DmarcFinding.of(FindingId.NO_RUA, "No rua tag: nobody receives aggregate reports, so "
                        + "you cannot see who sends mail as this domain.",
                        "Add rua=mailto:dmarc-reports@<your domain> (or a report service's address)."));
            }
            if (tags.containsKey("fo") && !tags.containsKey("ruf")) {
                findings.add(DmarcFinding.of(FindingId.FO_WITHOUT_RUF, "fo has no effect without ruf "
                        + "(RFC 9989 §4.7).", "Remove fo, or add a ruf destination."));
            }
            if (parked && (r.policy() != Policy.REJECT || r.effectiveSubdomainPolicy() != Policy.REJECT)) {
                findings.add(DmarcFinding.of(FindingId.PARKED_NOT_REJECT, "This domain is parked (it sends no mail), "
                        + "but its policy is p=" + r.policy().token() + ", subdomain policy "
                        + r.effectiveSubdomainPolicy().token() + ": mail spoofing it is not rejected.",
                        "Publish v=DMARC1; p=reject; sp=reject for a parked domain."));
            }
        }
    }
}
