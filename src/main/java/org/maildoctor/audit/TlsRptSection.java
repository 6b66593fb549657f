package org.maildoctor.audit;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.maildoctor.dns.DnsRecord;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.RecordType;
import org.maildoctor.dns.Resolver;
import org.maildoctor.transport.tlsrpt.TlsRptRecord;

/** SMTP TLS Reporting (RFC 8460): {@code tlsrpt.record}, the {@code _smtp._tls} TXT record and its rua. */
public record TlsRptSection(Resolver resolver) implements AuditSection {
    @Override
    public String name() {
        return "TLS-RPT";
    }

    @Override
    public CompletableFuture<List<AuditCheck>> run(AuditRequest request) {
        String name = "_smtp._tls." + request.domain();
        return resolver.lookup(name, RecordType.TXT).thenApply(r -> List.of(check(request.domain(), name, r)));
    }

    static AuditCheck check(String domain, String name, DnsResult r) {
        if (r.isFailure()) {
            return AuditCheck.unknown("tlsrpt.record", "could not look up " + name + ": " + r.describe(),
                    List.of(r.describe()));
        }
        List<String> txts = r.recordsOrEmpty().stream().filter(DnsRecord.Txt.class::isInstance)
                .map(x -> ((DnsRecord.Txt) x).text()).toList();
        List<String> evidence = txts.stream().map(s -> name + " TXT \"" + s + "\"").toList();
        String fix = "Publish one TXT record at " + name + ": \"v=TLSRPTv1; rua=mailto:tls-reports@" + domain + "\"";
        return TlsRptRecord.select(txts).map(p -> switch (p) {
            case TlsRptRecord.Parse.Valid v -> AuditCheck.pass("tlsrpt.record", "TLS failures of senders are "
                    + "reported to " + v.record().rua(), evidence);
            case TlsRptRecord.Parse.Invalid i -> AuditCheck.fail("tlsrpt.record", "the TLS-RPT record at " + name
                    + " is invalid, so no reports are sent: " + i.reason(), fix, evidence);
        }).orElseGet(() -> AuditCheck.warn("tlsrpt.record", domain + " publishes no TLS-RPT record: you will not "
                + "hear when senders fail to deliver over TLS (recommended with MTA-STS and DANE)", fix, evidence));
    }
}
