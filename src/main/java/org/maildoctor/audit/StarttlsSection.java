package org.maildoctor.audit;

import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.maildoctor.audit.transport.HostAddresses;
import org.maildoctor.audit.transport.MxHosts;
import org.maildoctor.dns.Resolver;
import org.maildoctor.transport.starttls.CertificateCheck;
import org.maildoctor.transport.starttls.EhloExtensions;
import org.maildoctor.transport.starttls.StarttlsProbe;
import org.maildoctor.transport.starttls.StarttlsResult;

/**
 * The STARTTLS check of every MX host ({@code domain audit --smtp}): one check {@code starttls.<mx>} per
 * host, probing its first address that passes the private-address guard. Pass needs STARTTLS, TLS 1.2
 * or newer, a trusted chain, a certificate naming the MX host, and a certificate not about to expire.
 */
public record StarttlsSection(Resolver resolver, AddressPolicy policy, StarttlsProbe probe, int port, Clock clock)
        implements AuditSection {
    private static final List<String> REPORTED_EXTENSIONS = List.of("SIZE", "PIPELINING", "SMTPUTF8", "REQUIRETLS",
            "8BITMIME", "CHUNKING", "DSN", "STARTTLS");

    @Override
    public String name() {
        return "STARTTLS";
    }

    @Override
    public CompletableFuture<List<AuditCheck>> run(AuditRequest request) {
        return MxHosts.of(resolver, request.domain()).thenCompose(mx -> {
            if (mx.failed()) {
                return CompletableFuture.completedFuture(List.of(AuditCheck.unknown("starttls.mx",
                        "could not look up the MX hosts to probe: " + mx.result().describe(), List.of())));
            }
            List<String> hosts = mx.hosts().isEmpty() ? List.of(request.domain()) : mx.hosts(); // implicit MX
            List<CompletableFuture<AuditCheck>> each = hosts.stream().map(this::host).toList();
            return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                    .thenApply(v -> each.stream().map(CompletableFuture::join).toList());
        });
    }

    private CompletableFuture<AuditCheck> host(String mx) {
        String id = "starttls." + mx;
        return HostAddresses.resolve(resolver, mx, policy).thenCompose(o -> switch (o) {
            case HostAddresses.Outcome.Usable u -> probe.probe(mx, u.usable().getFirst(), port)
                    .thenApply(r -> judge(id, mx, u.usable().getFirst(), r, clock));
            case HostAddresses.Outcome.Guarded g -> CompletableFuture.completedFuture(AuditCheck.fail(id, mx
                    + " has only private, loopback or reserved addresses " + g.refused().stream()
                    .map(InetAddress::getHostAddress).toList() + "; no sender can reach it (not probed)",
                    "Point " + mx + " at public addresses (or run with --allow-private in a test network)", List.of()));
            case HostAddresses.Outcome.NoAddress n -> CompletableFuture.completedFuture(AuditCheck.fail(id, mx
                    + " has no address: " + n.detail(), "Publish an A or AAAA record for " + mx, List.of()));
            case HostAddresses.Outcome.Failed f -> CompletableFuture.completedFuture(AuditCheck.unknown(id,
                    "could not resolve " + mx + ": " + f.detail(), List.of()));
        });
    }

    static AuditCheck judge(String id, String mx, InetAddress address, StarttlsResult result, Clock clock) {
        String where = mx + " (" + address.getHostAddress() + ")";
        return switch (result) {
            case StarttlsResult.Unreachable u -> AuditCheck.fail(id, where + " is not reachable for SMTP: " + u.reason(),
                    "Make sure the MX accepts connections on port 25 from the internet", List.of());
            case StarttlsResult.Connected c -> connected(id, where, mx, c, clock);
        };
    }

    private static AuditCheck connected(String id, String where, String mx, StarttlsResult.Connected c, Clock clock) {
        List<String> evidence = new ArrayList<>();
        evidence.add("banner: " + c.bannerCode() + " " + String.join(" | ", c.banner()));
        EhloExtensions ext = c.extensions();
        List<String> present = new ArrayList<>();
        for (String k : REPORTED_EXTENSIONS) {
            if (ext.has(k)) {
                present.add(ext.parameter(k).map(p -> k + " " + p).orElse(k));
            }
        }
        if (!c.ehlo().isEmpty()) {
            evidence.add("EHLO extensions: " + String.join(", ", present)
                    + (ext.has("REQUIRETLS") ? "" : " (no REQUIRETLS)") + (ext.has("SMTPUTF8") ? "" : " (no SMTPUTF8)"));
        }
        if (c.bannerCode() != 220) {
            return AuditCheck.fail(id, where + " refuses service: " + c.bannerCode() + " " + String.join(" ", c.banner()),
                    "Make the MX greet with 220", evidence);
        }
        String tlsFix = "Enable STARTTLS on " + mx + " with a certificate from a public CA naming " + mx
                + " (e.g. Postfix smtpd_tls_security_level = may, smtpd_tls_chain_files)";
        return switch (c.tls()) {
            case StarttlsResult.NotOffered n -> AuditCheck.fail(id, where + " does not offer STARTTLS (" + n.detail()
                    + "): mail to it travels in plain text", tlsFix, evidence);
            case StarttlsResult.Rejected r -> AuditCheck.fail(id, where + " lists STARTTLS but refuses it: " + r.reply(),
                    tlsFix, evidence);
            case StarttlsResult.HandshakeFailed h -> AuditCheck.fail(id, where + " offers STARTTLS but the TLS "
                    + "handshake fails: " + h.reason(), tlsFix, evidence);
            case StarttlsResult.Negotiated n -> negotiated(id, where, mx, n, evidence, clock, tlsFix);
        };
    }

    private static AuditCheck negotiated(String id, String where, String mx, StarttlsResult.Negotiated n,
            List<String> evidence, Clock clock, String fix) {
        evidence.add("TLS: " + n.protocol() + ", " + n.cipherSuite());
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (n.chain().isEmpty()) {
            failures.add("the server sent no certificate");
        } else {
            X509Certificate leaf = n.chain().getFirst();
            evidence.add("certificate: " + leaf.getSubjectX500Principal().getName() + ", names "
                    + CertificateCheck.dnsNames(leaf) + ", valid until " + leaf.getNotAfter().toInstant()
                    + ", issuer " + leaf.getIssuerX500Principal().getName());
            evidence.add("chain: " + (n.trust().trusted() ? "trusted, " : "NOT trusted, ") + n.trust().detail());
            if (!n.trust().trusted()) {
                failures.add("the certificate chain is not trusted (" + n.trust().detail() + ")");
            }
            if (!CertificateCheck.matches(leaf, mx)) {
                failures.add("the certificate names " + CertificateCheck.dnsNames(leaf) + ", not " + mx);
            }
            switch (CertificateCheck.validity(leaf, clock)) {
                case EXPIRED -> failures.add("the certificate expired on " + leaf.getNotAfter().toInstant());
                case NOT_YET_VALID -> failures.add("the certificate is not valid before " + leaf.getNotBefore().toInstant());
                case EXPIRES_SOON -> warnings.add("the certificate expires on " + leaf.getNotAfter().toInstant());
                case CURRENT -> {
                }
            }
        }
        if (n.protocol().equals("TLSv1") || n.protocol().equals("TLSv1.1") || n.protocol().startsWith("SSL")) {
            warnings.add(n.protocol() + " is deprecated (RFC 8996)");
        }
        n.ehloAfterTls().ifPresent(e -> evidence.add("EHLO after TLS: " + e));
        String summary = where + " offers STARTTLS: " + n.protocol() + " " + n.cipherSuite();
        if (!failures.isEmpty()) {
            return AuditCheck.fail(id, summary + ", but " + String.join("; ", failures)
                    + " (opportunistic senders still encrypt; MTA-STS and DANE senders refuse to deliver)", fix, evidence);
        }
        if (!warnings.isEmpty()) {
            return AuditCheck.warn(id, summary + ", but " + String.join("; ", warnings),
                    "Renew the certificate in time and allow TLS 1.2 or 1.3 only", evidence);
        }
        return AuditCheck.pass(id, summary + ", trusted certificate for " + mx, evidence);
    }
}
