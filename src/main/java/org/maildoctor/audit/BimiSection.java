package org.maildoctor.audit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.maildoctor.audit.transport.Fetches;
import org.maildoctor.auth.dmarc.DmarcCheckReport;
import org.maildoctor.auth.dmarc.DmarcChecker;
import org.maildoctor.auth.dmarc.Policy;
import org.maildoctor.auth.dmarc.PolicyDiscovery;
import org.maildoctor.dns.DnsRecord;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.RecordType;
import org.maildoctor.dns.Resolver;
import org.maildoctor.transport.HttpsGet;
import org.maildoctor.transport.HttpsOutcome;
import org.maildoctor.transport.bimi.BimiRecord;
import org.maildoctor.transport.bimi.MarkCertificate;
import org.maildoctor.transport.bimi.SvgTinyPs;

/**
 * BIMI: {@code bimi.record} ({@code default._bimi} TXT), {@code bimi.svg} (the {@code l=} logo over HTTPS,
 * SVG Tiny PS basics), {@code bimi.certificate} (the {@code a=} mark certificate) and {@code bimi.dmarc}
 * (receivers show logos only under an enforcing DMARC policy: p=quarantine or reject, pct=100).
 * A domain without a record gets only {@code bimi.record}: BIMI is optional.
 */
public record BimiSection(Resolver resolver, AddressPolicy policy, HttpsGet https, int httpsPort, Clock clock)
        implements AuditSection {
    /** Logos are small; the BIMI group recommends at most 32 KB, so twice that is plenty to read. */
    static final int MAX_FILE_BYTES = 64 * 1024;

    @Override
    public String name() {
        return "BIMI";
    }

    @Override
    public CompletableFuture<List<AuditCheck>> run(AuditRequest request) {
        String domain = request.domain();
        String name = "default._bimi." + domain;
        CompletableFuture<DmarcCheckReport> dmarc = new DmarcChecker(resolver).check(domain);
        return resolver.lookup(name, RecordType.TXT).thenCompose(r -> {
            if (r.isFailure()) {
                return done(AuditCheck.unknown("bimi.record", "could not look up " + name + ": " + r.describe(),
                        List.of(r.describe())));
            }
            List<String> txts = r.recordsOrEmpty().stream().filter(DnsRecord.Txt.class::isInstance)
                    .map(x -> ((DnsRecord.Txt) x).text()).toList();
            List<String> evidence = txts.stream().map(s -> name + " TXT \"" + s + "\"").toList();
            Optional<BimiRecord.Parse> parse = BimiRecord.select(txts);
            if (parse.isEmpty()) {
                return done(AuditCheck.pass("bimi.record", domain + " publishes no BIMI record (optional: it shows "
                        + "a brand logo in supporting mailboxes)", evidence));
            }
            return switch (parse.get()) {
                case BimiRecord.Parse.Invalid i -> done(AuditCheck.fail("bimi.record", "the BIMI record at " + name
                        + " is invalid: " + i.reason(), "Publish \"v=BIMI1; l=https://" + domain
                        + "/logo.svg; a=https://" + domain + "/vmc.pem\" at " + name, evidence));
                case BimiRecord.Parse.Valid v when v.record().declined() -> done(AuditCheck.pass("bimi.record",
                        domain + " declines BIMI (empty l= and a=)", evidence));
                case BimiRecord.Parse.Valid v -> withRecord(domain, v.record(), evidence, dmarc);
            };
        });
    }

    private CompletableFuture<List<AuditCheck>> withRecord(String domain, BimiRecord record, List<String> evidence,
            CompletableFuture<DmarcCheckReport> dmarc) {
        CompletableFuture<AuditCheck> svg = record.location().map(this::svg).orElseGet(() -> CompletableFuture
                .completedFuture(AuditCheck.warn("bimi.svg", "the record has no logo location (l=)",
                        "Publish the SVG Tiny PS logo over HTTPS and put its URL in l=", List.of())));
        CompletableFuture<AuditCheck> cert = record.authority().map(this::certificate).orElseGet(() -> CompletableFuture
                .completedFuture(AuditCheck.warn("bimi.certificate", "no mark certificate (a=): Gmail and Apple Mail "
                        + "show BIMI logos only with a Verified Mark Certificate or Common Mark Certificate",
                        "Obtain a VMC or CMC and publish its PEM file's HTTPS URL in a=", List.of())));
        CompletableFuture<AuditCheck> enforcement = dmarc.thenApply(BimiSection::dmarcCheck);
        return svg.thenCombine(cert, (s, c) -> List.of(s, c)).thenCombine(enforcement, (sc, d) -> {
            List<AuditCheck> all = new ArrayList<>();
            all.add(AuditCheck.pass("bimi.record", "BIMI record published", evidence));
            all.addAll(sc);
            all.add(d);
            return List.copyOf(all);
        });
    }

    private CompletableFuture<AuditCheck> svg(URI uri) {
        return fetch(uri).thenApply(f -> {
            String fix = "Serve the logo at " + uri + " over HTTPS with status 200 as image/svg+xml, in the SVG Tiny "
                    + "PS profile (baseProfile=\"tiny-ps\", version=\"1.2\", a <title>, square, no scripts or "
                    + "external references)";
            return switch (f) {
                case Fetches.Result.NotAttempted n -> AuditCheck.fail("bimi.svg", Fetches.describe(n), fix, List.of());
                case Fetches.Result.Fetched(String url, HttpsOutcome.Failure fail) -> fail.kind()
                        == HttpsOutcome.FailureKind.TIMEOUT
                        ? AuditCheck.unknown("bimi.svg", "could not fetch the logo " + url + ": " + fail.detail(), List.of())
                        : AuditCheck.fail("bimi.svg", "could not fetch the logo " + url + ": " + fail.detail(), fix, List.of());
                case Fetches.Result.Fetched(String url, HttpsOutcome.Response r) -> svgResponse(url, r, fix);
            };
        });
    }

    private static AuditCheck svgResponse(String url, HttpsOutcome.Response r, String fix) {
        if (r.status() != 200) {
            return AuditCheck.fail("bimi.svg", "the logo " + url + " answers HTTP " + r.status(), fix, List.of());
        }
        if (r.truncated()) {
            return AuditCheck.fail("bimi.svg", "the logo " + url + " is larger than " + MAX_FILE_BYTES / 1024 + " KB",
                    fix, List.of());
        }
        List<String> problems = new ArrayList<>(SvgTinyPs.check(r.body()));
        List<String> evidence = List.of(url + ": " + r.body().length + " bytes, " + r.contentType().orElse("no Content-Type"));
        if (!problems.isEmpty()) {
            return AuditCheck.fail("bimi.svg", "the logo " + url + " is not SVG Tiny PS: " + String.join("; ", problems),
                    fix, evidence);
        }
        List<String> warnings = new ArrayList<>();
        if (r.body().length > SvgTinyPs.RECOMMENDED_MAX_BYTES) {
            warnings.add("it is " + r.body().length / 1024 + " KB; keep logos under 32 KB");
        }
        if (!r.mediaType().orElse("").equals("image/svg+xml")) {
            warnings.add("Content-Type is " + r.contentType().orElse("missing") + ", expected image/svg+xml");
        }
        return warnings.isEmpty()
                ? AuditCheck.pass("bimi.svg", "the logo " + url + " is reachable and meets the SVG Tiny PS basics", evidence)
                : AuditCheck.warn("bimi.svg", "the logo " + url + " meets the SVG Tiny PS basics, but "
                        + String.join("; ", warnings), fix, evidence);
    }

    private CompletableFuture<AuditCheck> certificate(URI uri) {
        return fetch(uri).thenApply(f -> {
            String fix = "Serve the mark certificate (PEM, leaf first) at " + uri + " over HTTPS";
            return switch (f) {
                case Fetches.Result.NotAttempted n -> AuditCheck.fail("bimi.certificate", Fetches.describe(n), fix, List.of());
                case Fetches.Result.Fetched(String url, HttpsOutcome.Failure fail) -> fail.kind()
                        == HttpsOutcome.FailureKind.TIMEOUT
                        ? AuditCheck.unknown("bimi.certificate", "could not fetch " + url + ": " + fail.detail(), List.of())
                        : AuditCheck.fail("bimi.certificate", "could not fetch " + url + ": " + fail.detail(), fix, List.of());
                case Fetches.Result.Fetched(String url, HttpsOutcome.Response r) when r.status() != 200 || r.truncated() ->
                        AuditCheck.fail("bimi.certificate", "the mark certificate " + url + " answers HTTP " + r.status()
                                + (r.truncated() ? " and is too large" : ""), fix, List.of());
                case Fetches.Result.Fetched(String url, HttpsOutcome.Response r) -> switch (MarkCertificate.read(r.body(), clock)) {
                    case MarkCertificate.Reading.Unreadable u -> AuditCheck.fail("bimi.certificate",
                            "the file at " + url + " is " + u.reason(), fix, List.of(abbreviate(r.body())));
                    case MarkCertificate.Reading.Certificates c -> {
                        List<String> ev = List.of("subject: " + c.leaf().getSubjectX500Principal().getName(),
                                "issuer: " + c.leaf().getIssuerX500Principal().getName(),
                                "valid until: " + c.leaf().getNotAfter().toInstant());
                        yield c.leafCurrent()
                                ? AuditCheck.pass("bimi.certificate", "a mark certificate is published at " + url
                                        + " (" + c.chain().size() + " certificate(s); the mark itself is verified by receivers)", ev)
                                : AuditCheck.fail("bimi.certificate", "the mark certificate at " + url
                                        + " is expired or not yet valid", "Renew the VMC/CMC and publish the new PEM", ev);
                    }
                };
            };
        });
    }

    static AuditCheck dmarcCheck(DmarcCheckReport report) {
        String fix = "BIMI needs DMARC enforcement: publish p=quarantine or p=reject with no pct below 100 "
                + "(and no sp=none) at _dmarc of the organizational domain";
        return switch (report.discovery()) {
            case PolicyDiscovery.Found f -> {
                List<String> ev = List.of("_dmarc." + f.policyDomain() + " TXT \"" + f.record().text() + "\"");
                Policy p = f.applicablePolicy();
                boolean enforcing = p == Policy.QUARANTINE || p == Policy.REJECT;
                boolean full = f.record().percentage().orElse(100) == 100;
                boolean subdomains = f.record().effectiveSubdomainPolicy() != Policy.NONE;
                if (enforcing && full && subdomains) {
                    yield AuditCheck.pass("bimi.dmarc", "DMARC enforces (p=" + p.name().toLowerCase(java.util.Locale.ROOT)
                            + "), as BIMI requires", ev);
                }
                List<String> why = new ArrayList<>();
                if (!enforcing) {
                    why.add("the policy is p=" + p.name().toLowerCase(java.util.Locale.ROOT));
                }
                if (!full) {
                    why.add("pct=" + f.record().percentage().getAsInt() + " applies it to only part of the mail");
                }
                if (!subdomains) {
                    why.add("sp=none leaves subdomains unenforced");
                }
                yield AuditCheck.fail("bimi.dmarc", "receivers will not show the BIMI logo: " + String.join("; ", why),
                        fix, ev);
            }
            case PolicyDiscovery.TempError t -> AuditCheck.unknown("bimi.dmarc",
                    "could not determine the DMARC policy BIMI depends on", List.of());
            default -> AuditCheck.fail("bimi.dmarc", "receivers will not show the BIMI logo: no usable DMARC policy",
                    fix, List.of());
        };
    }

    private CompletableFuture<Fetches.Result> fetch(URI uri) {
        int port = uri.getPort() > 0 ? uri.getPort() : httpsPort;
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new Fetches(resolver, policy, https).get(uri.getHost(), port, path, MAX_FILE_BYTES);
    }

    private static CompletableFuture<List<AuditCheck>> done(AuditCheck c) {
        return CompletableFuture.completedFuture(List.of(c));
    }

    private static String abbreviate(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        return s.length() <= 200 ? s : s.substring(0, 197) + "...";
    }
}
