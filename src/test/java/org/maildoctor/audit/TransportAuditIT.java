package org.maildoctor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.maildoctor.dns.Resolver;
import org.maildoctor.dns.dnsjava.Resolvers;
import org.maildoctor.testing.Harness;
import org.maildoctor.transport.adapter.SocketHttpsGet;
import org.maildoctor.transport.adapter.SocketStarttlsProbe;
import org.maildoctor.transport.adapter.TrustAnchors;

/**
 * The transport-security sections with the real HTTPS and SMTP adapters against the harness: Knot for the
 * records, tools/https_server.py for the policies and BIMI files, Postfix with STARTTLS as mx.good.test.
 */
class TransportAuditIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private final Resolver resolver = Resolvers.cached(
            Optional.of(new InetSocketAddress("127.0.0.1", Harness.dnsPort())), TIMEOUT, 1);

    private Map<String, AuditCheck> audit(String domain, TrustAnchors trust, AddressPolicy policy, boolean smtp) {
        TransportProbes probes = new TransportProbes(new SocketHttpsGet(TIMEOUT, trust), Harness.httpsPort(),
                smtp ? Optional.of(new SocketStarttlsProbe(TIMEOUT, trust, "it.maildoctor.invalid")) : Optional.empty(),
                Harness.smtpPort(), Clock.systemUTC());
        AuditReport report = Audits.standard(resolver, policy, probes).audit(AuditRequest.of(domain)).join();
        return report.sections().entrySet().stream()
                .filter(e -> List.of("MTA-STS", "TLS-RPT", "BIMI", "DANE", "STARTTLS").contains(e.getKey()))
                .flatMap(e -> e.getValue().stream())
                .collect(Collectors.toMap(AuditCheck::id, Function.identity()));
    }

    private Map<String, AuditCheck> audit(String domain) {
        return audit(domain, TrustAnchors.fromPemFile(Harness.caFile()), AddressPolicy.ALLOW_PRIVATE, false);
    }

    @Test
    void goodTestPassesEveryTransportCheckIncludingStarttls() {
        Map<String, AuditCheck> c = audit("good.test", TrustAnchors.fromPemFile(Harness.caFile()),
                AddressPolicy.ALLOW_PRIVATE, true);
        assertThat(c).containsKeys("mtasts.record", "mtasts.policy", "mtasts.mode", "mtasts.mx", "tlsrpt.record",
                "bimi.record", "bimi.svg", "bimi.certificate", "bimi.dmarc", "dane.tlsa", "starttls.mx.good.test");
        assertThat(c.values()).allSatisfy(x -> assertThat(x.status()).as(x.id() + ": " + x.explanation())
                .isEqualTo(CheckStatus.PASS));
        AuditCheck tls = c.get("starttls.mx.good.test");
        assertThat(tls.explanation()).containsPattern("TLSv1\\.[23] TLS_");
        assertThat(tls.evidence()).anySatisfy(e -> assertThat(e).startsWith("banner: 220 mx.good.test ESMTP"))
                .anySatisfy(e -> assertThat(e).startsWith("EHLO extensions:").contains("SIZE 10240000", "PIPELINING",
                        "SMTPUTF8", "STARTTLS", "no REQUIRETLS"))
                .anySatisfy(e -> assertThat(e).startsWith("certificate: CN=mx.good.test").contains("valid until"))
                .anySatisfy(e -> assertThat(e).startsWith("chain: trusted"));
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "broken.test               | mtasts.mx        | fail | mxalias.broken.test",
        "broken.test               | mtasts.mode      | warn | testing",
        "broken.test               | mtasts.policy    | warn | shorter than a week",
        "badpolicy.broken.test     | mtasts.policy    | fail | mode is 'strict'",
        "redirect.broken.test      | mtasts.policy    | fail | redirects (HTTP 301",
        "huge.broken.test          | mtasts.policy    | fail | larger than 64 KB",
        "html.broken.test          | mtasts.policy    | fail | text/html",
        "crlf.broken.test          | mtasts.policy    | warn | mixes CRLF and LF",
        "expired.broken.test       | mtasts.policy    | fail | expired",
        "wrongname.broken.test     | mtasts.policy    | fail | another name",
        "badrecord.broken.test     | mtasts.record    | fail | 1 to 32 letters or digits",
        "nullmx.test               | mtasts.record    | warn | no MTA-STS record",
        "broken.test               | tlsrpt.record    | fail | ftp://",
        "badrecord.broken.test     | tlsrpt.record    | warn | no TLS-RPT record",
        "broken.test               | bimi.svg         | fail | baseProfile",
        "broken.test               | bimi.certificate | warn | no mark certificate",
        "broken.test               | bimi.dmarc       | fail | p=none",
        "dane.good.test            | dane.tlsa        | warn | not validated",
        "dane.broken.test          | dane.tlsa        | fail | PKIX-EE",
    })
    void findingsById(String domain, String id, String status, String fragment) {
        AuditCheck c = audit(domain).get(id);
        assertThat(c).as(domain + " " + id).isNotNull();
        assertThat(c.status().code()).as(c.explanation()).isEqualTo(status);
        assertThat(c.explanation()).contains(fragment);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "expiredmx.broken.test | starttls.mx.expiredmx.broken.test | expired on 2021-01-01",
        "wrongmx.broken.test   | starttls.mx.wrongmx.broken.test   | not mx.wrongmx.broken.test",
    })
    void starttlsCertificateProblemsOfThePostfixMx(String domain, String id, String fragment) {
        AuditCheck c = audit(domain, TrustAnchors.fromPemFile(Harness.caFile()), AddressPolicy.ALLOW_PRIVATE, true).get(id);
        assertThat(c).as(id).isNotNull();
        assertThat(c.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(c.explanation()).contains("offers STARTTLS: TLSv1.", fragment);
    }

    @Test
    void withoutTheTestCaTheCertificatesAreUntrusted() {
        Map<String, AuditCheck> c = audit("good.test", TrustAnchors.system(), AddressPolicy.ALLOW_PRIVATE, true);
        assertThat(c.get("mtasts.policy").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(c.get("mtasts.policy").explanation()).contains("trusted root");
        AuditCheck tls = c.get("starttls.mx.good.test");
        assertThat(tls.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(tls.explanation()).contains("not trusted").contains("TLSv1.");
    }

    @Test
    void withoutAllowPrivateNothingConnectsToLoopback() {
        Map<String, AuditCheck> c = audit("good.test", TrustAnchors.fromPemFile(Harness.caFile()),
                AddressPolicy.PUBLIC_ONLY, true);
        assertThat(c.get("mtasts.policy").explanation()).contains("--allow-private");
        assertThat(c.get("bimi.svg").explanation()).contains("--allow-private");
        assertThat(c.get("starttls.mx.good.test").explanation()).contains("not probed");
    }
}
