package org.maildoctor.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.maildoctor.audit.transport.Fetches;
import org.maildoctor.audit.transport.MxHosts;
import org.maildoctor.dns.DnsRecord;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.RecordType;
import org.maildoctor.dns.Resolver;
import org.maildoctor.transport.HttpsGet;
import org.maildoctor.transport.HttpsOutcome;
import org.maildoctor.transport.mtasts.Mode;
import org.maildoctor.transport.mtasts.MtaStsPolicy;
import org.maildoctor.transport.mtasts.MtaStsPolicyParser;
import org.maildoctor.transport.mtasts.MtaStsRecord;
import org.maildoctor.transport.mtasts.PolicyParse;

/**
 * MTA-STS (RFC 8461): {@code mtasts.record} (the {@code _mta-sts} TXT), {@code mtasts.policy} (the policy
 * file over validated HTTPS: status 200, no redirect, text/plain, at most 64 KB, valid fields),
 * {@code mtasts.mode} and {@code mtasts.mx} (every MX matches a pattern). The record lookup, the policy
 * host's address and the MX lookup start together.
 */
public record MtaStsSection(Resolver resolver, AddressPolicy policy, HttpsGet https, int httpsPort)
        implements AuditSection {
    /** RFC 8461 §3.3 lets senders cap the policy size; 64 KB is the common cap. */
    public static final int MAX_POLICY_BYTES = 64 * 1024;
    static final String PATH = "/.well-known/mta-sts.txt";

    @Override
    public String name() {
        return "MTA-STS";
    }

    @Override
    public CompletableFuture<List<AuditCheck>> run(AuditRequest request) {
        String domain = request.domain();
        CompletableFuture<DnsResult> txt = resolver.lookup("_mta-sts." + domain, RecordType.TXT);
        CompletableFuture<MxHosts.Lookup> mx = MxHosts.of(resolver, domain);
        CompletableFuture<Fetches.Result> fetch = new Fetches(resolver, policy, https)
                .get("mta-sts." + domain, httpsPort, PATH, MAX_POLICY_BYTES);
        return txt.thenCompose(t -> {
            List<AuditCheck> checks = new ArrayList<>();
            boolean valid = record(domain, t, checks);
            if (!valid) {
                // without a valid record senders never fetch the policy (§3.1); do not wait for it
                return CompletableFuture.completedFuture(List.copyOf(checks));
            }
            return fetch.thenCombine(mx, (f, m) -> {
                policyChecks(domain, f, m, checks);
                return List.copyOf(checks);
            });
        });
    }

    private static boolean record(String domain, DnsResult t, List<AuditCheck> checks) {
        String name = "_mta-sts." + domain;
        if (t.isFailure()) {
            checks.add(AuditCheck.unknown("mtasts.record", "could not look up " + name + ": " + t.describe(),
                    List.of(t.describe())));
            return false;
        }
        List<String> txts = t.recordsOrEmpty().stream().filter(DnsRecord.Txt.class::isInstance)
                .map(r -> ((DnsRecord.Txt) r).text()).toList();
        var selected = MtaStsRecord.select(txts);
        if (selected.isEmpty()) {
            checks.add(AuditCheck.warn("mtasts.record", domain + " publishes no MTA-STS record, so senders "
                    + "cannot require TLS when delivering to it and an attacker on the path can downgrade the "
                    + "connection to plain text", "Publish a policy at https://mta-sts." + domain + PATH
                    + " (maildoctor generate mta-sts) and a TXT record at " + name + ": \"v=STSv1; id=YYYYMMDDhhmmss\"",
                    txts.stream().map(s -> name + " TXT \"" + s + "\"").toList()));
            return false;
        }
        return switch (selected.get()) {
            case MtaStsRecord.Parse.Valid v -> {
                checks.add(AuditCheck.pass("mtasts.record", name + " announces an MTA-STS policy (id "
                        + v.record().id() + ")", List.of(name + " TXT \"" + v.record().text() + "\"")));
                yield true;
            }
            case MtaStsRecord.Parse.Invalid i -> {
                checks.add(AuditCheck.fail("mtasts.record", "the MTA-STS record at " + name
                        + " is invalid, so senders ignore the policy: " + i.reason(),
                        "Publish exactly one TXT record at " + name + ": \"v=STSv1; id=YYYYMMDDhhmmss\" (id: 1-32 "
                                + "letters or digits, changed whenever the policy changes)",
                        List.of(name + " TXT \"" + i.text() + "\"")));
                yield false;
            }
        };
    }

    private static void policyChecks(String domain, Fetches.Result f, MxHosts.Lookup mx, List<AuditCheck> checks) {
        String url = "https://mta-sts." + domain + PATH;
        String fixHost = "Serve the policy at " + url + " with a certificate valid for mta-sts." + domain
                + ", status 200, Content-Type text/plain and no redirect";
        HttpsOutcome outcome;
        switch (f) {
            case Fetches.Result.NotAttempted n -> {
                AuditCheck c = n.why() instanceof org.maildoctor.audit.transport.HostAddresses.Outcome.Failed
                        ? AuditCheck.unknown("mtasts.policy", Fetches.describe(n), List.of())
                        : AuditCheck.fail("mtasts.policy", Fetches.describe(n), fixHost, List.of());
                checks.add(c);
                return;
            }
            case Fetches.Result.Fetched ok -> outcome = ok.outcome();
        }
        PolicyParse parse;
        byte[] body;
        switch (outcome) {
            case HttpsOutcome.Failure fail -> {
                String what = "could not fetch the MTA-STS policy from " + url + ": " + fail.detail();
                checks.add(fail.kind() == HttpsOutcome.FailureKind.TIMEOUT
                        ? AuditCheck.unknown("mtasts.policy", what, List.of())
                        : AuditCheck.fail("mtasts.policy", what + "; senders that cannot fetch the policy deliver "
                                + "without it", fixHost, List.of()));
                return;
            }
            case HttpsOutcome.Response r -> {
                List<String> errors = new ArrayList<>();
                if (r.status() >= 300 && r.status() < 400) {
                    errors.add("the server redirects (HTTP " + r.status() + r.location().map(l -> " to " + l).orElse("")
                            + "); RFC 8461 §3.3 forbids following redirects");
                } else if (r.status() != 200) {
                    errors.add("HTTP status " + r.status() + " (must be 200)");
                }
                if (r.truncated()) {
                    errors.add("the policy is larger than " + MAX_POLICY_BYTES / 1024 + " KB");
                }
                if (errors.isEmpty() && !r.mediaType().orElse("").equals("text/plain")) {
                    errors.add("Content-Type is " + r.contentType().map(s -> "'" + s + "'").orElse("missing")
                            + ", RFC 8461 §3.2 requires text/plain");
                }
                if (!errors.isEmpty()) {
                    checks.add(AuditCheck.fail("mtasts.policy", "the MTA-STS policy at " + url + " is unusable: "
                            + String.join("; ", errors), fixHost, List.of()));
                    return;
                }
                body = r.body();
                parse = MtaStsPolicyParser.parse(body);
            }
        }
        List<String> evidence = List.of(abbreviate(new String(body, StandardCharsets.UTF_8)));
        if (parse.policy().isEmpty()) {
            checks.add(AuditCheck.fail("mtasts.policy", "the MTA-STS policy at " + url + " is invalid: "
                    + String.join("; ", parse.errors()), "Fix the policy file: lines 'version: STSv1', "
                    + "'mode: enforce|testing|none', one 'mx: HOST' per MX (or *.domain), 'max_age: SECONDS' "
                    + "(604800 to 31557600)", evidence));
            return;
        }
        MtaStsPolicy p = parse.policy().get();
        checks.add(parse.warnings().isEmpty()
                ? AuditCheck.pass("mtasts.policy", "the MTA-STS policy at " + url + " is valid (mode "
                        + p.mode().name().toLowerCase(java.util.Locale.ROOT) + ", max_age " + p.maxAge() + ")", evidence)
                : AuditCheck.warn("mtasts.policy", "the MTA-STS policy at " + url + " is usable, but: "
                        + String.join("; ", parse.warnings()), "Use one line ending style throughout and a max_age "
                        + "of at least 604800 (a week)", evidence));
        checks.add(switch (p.mode()) {
            case ENFORCE -> AuditCheck.pass("mtasts.mode", "mode enforce: senders that support MTA-STS refuse to "
                    + "deliver over unauthenticated connections", evidence);
            case TESTING -> AuditCheck.warn("mtasts.mode", "mode testing: failures are only reported (TLS-RPT), "
                    + "mail is still delivered over downgraded connections", "Once TLS reports show no failures, "
                    + "change to 'mode: enforce' and update the id in the _mta-sts record", evidence);
            case NONE -> AuditCheck.warn("mtasts.mode", "mode none: the policy is withdrawn and protects nothing",
                    "Publish 'mode: testing', then 'mode: enforce'", evidence);
        });
        if (p.mode() == Mode.NONE) {
            return;
        }
        checks.add(mxCheck(domain, p, mx));
    }

    static AuditCheck mxCheck(String domain, MtaStsPolicy p, MxHosts.Lookup mx) {
        List<String> evidence = new ArrayList<>();
        evidence.add("policy mx: " + p.mx());
        evidence.add("MX: " + mx.hosts());
        if (mx.failed()) {
            return AuditCheck.unknown("mtasts.mx", "could not look up the MX records to compare with the policy: "
                    + mx.result().describe(), evidence);
        }
        if (mx.hosts().isEmpty()) {
            return AuditCheck.warn("mtasts.mx", domain + " has no MX host to match against the policy",
                    "Publish MX records that the policy's mx lines cover", evidence);
        }
        List<String> unmatched = mx.hosts().stream().filter(h -> !p.allows(h)).toList();
        if (unmatched.isEmpty()) {
            return AuditCheck.pass("mtasts.mx", "every MX host matches a policy mx pattern", evidence);
        }
        return AuditCheck.fail("mtasts.mx", "MX host(s) " + unmatched + " match no mx pattern of the policy; "
                + (p.mode() == Mode.ENFORCE ? "senders enforcing MTA-STS will not deliver to them"
                        : "senders report them as failures"),
                "Add an 'mx:' line for each (e.g. 'mx: " + unmatched.getFirst() + "'), or a '*.' pattern covering them, "
                        + "then change the id in the _mta-sts record", evidence);
    }

    private static String abbreviate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 497) + "...";
    }
}
