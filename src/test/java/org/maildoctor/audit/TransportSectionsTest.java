package org.maildoctor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.maildoctor.dns.FakeZone;
import org.maildoctor.transport.HttpsGet;
import org.maildoctor.transport.HttpsOutcome;
import org.maildoctor.transport.HttpsTarget;

/** The transport sections' decisions over a fake zone and a fake HTTPS port (the real ones run in TransportAuditIT). */
class TransportSectionsTest {
    private static final String GOOD = "version: STSv1\nmode: enforce\nmx: mx.example.org\nmax_age: 604800\n";

    private final List<HttpsTarget> fetched = new ArrayList<>();

    private HttpsGet serving(HttpsOutcome outcome) {
        return t -> {
            synchronized (fetched) {
                fetched.add(t);
            }
            return CompletableFuture.completedFuture(outcome);
        };
    }

    private static HttpsOutcome text(String body, String type) {
        return new HttpsOutcome.Response(200, Optional.of(type), Optional.empty(), body.getBytes(StandardCharsets.UTF_8), false);
    }

    private static FakeZone.Builder zone(String publicAddress) {
        return FakeZone.builder().mx("example.org", 10, "mx.example.org").a("mx.example.org", "192.0.2.1")
                .txt("_mta-sts.example.org", "v=STSv1; id=1").a("mta-sts.example.org", publicAddress);
    }

    private Map<String, AuditCheck> mtaSts(FakeZone zone, HttpsOutcome outcome, AddressPolicy policy) {
        return new MtaStsSection(zone, policy, serving(outcome), 443).run(AuditRequest.of("example.org")).join()
                .stream().collect(Collectors.toMap(AuditCheck::id, Function.identity()));
    }

    @Test
    void aGoodPolicyPassesAndIsFetchedFromTheResolvedAddressWithALimit() {
        Map<String, AuditCheck> c = mtaSts(zone("93.184.216.34").build(), text(GOOD, "text/plain"), AddressPolicy.PUBLIC_ONLY);
        assertThat(c.values()).allSatisfy(x -> assertThat(x.status()).as(x.id()).isEqualTo(CheckStatus.PASS));
        assertThat(c).containsKeys("mtasts.record", "mtasts.policy", "mtasts.mode", "mtasts.mx");
        assertThat(fetched).singleElement().satisfies(t -> {
            assertThat(t.host()).isEqualTo("mta-sts.example.org");
            assertThat(t.address().getHostAddress()).isEqualTo("93.184.216.34");
            assertThat(t.path()).isEqualTo("/.well-known/mta-sts.txt");
            assertThat(t.maxBytes()).isEqualTo(64 * 1024);
        });
    }

    @Test
    void thePrivateAddressGuardStopsTheFetch() {
        Map<String, AuditCheck> c = mtaSts(zone("10.0.0.5").build(), text(GOOD, "text/plain"), AddressPolicy.PUBLIC_ONLY);
        assertThat(fetched).isEmpty();
        assertThat(c.get("mtasts.policy").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(c.get("mtasts.policy").explanation()).contains("--allow-private");
    }

    @Test
    void unmatchedMxFailsAndTestingModeWarns() {
        Map<String, AuditCheck> c = mtaSts(zone("93.184.216.34").build(),
                text(GOOD.replace("enforce", "testing").replace("mx.example.org", "*.example.net"), "text/plain"),
                AddressPolicy.PUBLIC_ONLY);
        assertThat(c.get("mtasts.mode").status()).isEqualTo(CheckStatus.WARN);
        assertThat(c.get("mtasts.mx").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(c.get("mtasts.mx").explanation()).contains("mx.example.org");
    }

    @Test
    void redirectsWrongTypeTlsFailuresAndTimeouts() {
        FakeZone z = zone("93.184.216.34").build();
        HttpsOutcome redirect = new HttpsOutcome.Response(301, Optional.of("text/html"),
                Optional.of("https://elsewhere.example/"), new byte[0], false);
        assertThat(mtaSts(z, redirect, AddressPolicy.PUBLIC_ONLY).get("mtasts.policy").explanation()).contains("redirects");
        assertThat(mtaSts(z, text(GOOD, "text/html"), AddressPolicy.PUBLIC_ONLY).get("mtasts.policy").status())
                .isEqualTo(CheckStatus.FAIL);
        assertThat(mtaSts(z, new HttpsOutcome.Failure(HttpsOutcome.FailureKind.TLS, "expired"), AddressPolicy.PUBLIC_ONLY)
                .get("mtasts.policy").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(mtaSts(z, new HttpsOutcome.Failure(HttpsOutcome.FailureKind.TIMEOUT, "slow"), AddressPolicy.PUBLIC_ONLY)
                .get("mtasts.policy").status()).isEqualTo(CheckStatus.UNKNOWN);
    }

    @Test
    void noRecordWarnsWithoutFetchingAndDnsFailureIsUnknown() {
        FakeZone none = FakeZone.builder().nxdomain("_mta-sts.example.org").mx("example.org", 10, "mx.example.org")
                .a("mta-sts.example.org", "93.184.216.34").build();
        Map<String, AuditCheck> c = mtaSts(none, text(GOOD, "text/plain"), AddressPolicy.PUBLIC_ONLY);
        assertThat(c.keySet()).containsExactly("mtasts.record");
        assertThat(c.get("mtasts.record").status()).isEqualTo(CheckStatus.WARN);
        FakeZone down = FakeZone.builder().servfail("_mta-sts.example.org").build();
        assertThat(mtaSts(down, text(GOOD, "text/plain"), AddressPolicy.PUBLIC_ONLY).get("mtasts.record").status())
                .isEqualTo(CheckStatus.UNKNOWN);
    }

    @Test
    void tlsRpt() {
        FakeZone z = FakeZone.builder().txt("_smtp._tls.a.example", "v=TLSRPTv1; rua=mailto:r@a.example")
                .txt("_smtp._tls.b.example", "v=TLSRPTv1; rua=ftp://x").nxdomain("_smtp._tls.c.example")
                .timeout("_smtp._tls.d.example").build();
        TlsRptSection s = new TlsRptSection(z);
        assertThat(s.run(AuditRequest.of("a.example")).join().getFirst().status()).isEqualTo(CheckStatus.PASS);
        assertThat(s.run(AuditRequest.of("b.example")).join().getFirst().status()).isEqualTo(CheckStatus.FAIL);
        assertThat(s.run(AuditRequest.of("c.example")).join().getFirst().status()).isEqualTo(CheckStatus.WARN);
        assertThat(s.run(AuditRequest.of("d.example")).join().getFirst().status()).isEqualTo(CheckStatus.UNKNOWN);
    }

    @Test
    void daneReportsTheAdBit() {
        String hex = "ab".repeat(32);
        FakeZone unsigned = FakeZone.builder().mx("example.org", 10, "mx.example.org")
                .tlsa("_25._tcp.mx.example.org", 3, 1, 1, hex).build();
        AuditCheck c = new DaneSection(unsigned).run(AuditRequest.of("example.org")).join().getFirst();
        assertThat(c.status()).isEqualTo(CheckStatus.WARN);
        assertThat(c.explanation()).contains("not validated");
        FakeZone signed = FakeZone.builder().authenticData(true).mx("example.org", 10, "mx.example.org")
                .tlsa("_25._tcp.mx.example.org", 3, 1, 1, hex).build();
        AuditCheck ok = new DaneSection(signed).run(AuditRequest.of("example.org")).join().getFirst();
        assertThat(ok.status()).isEqualTo(CheckStatus.PASS);
        assertThat(ok.evidence()).singleElement().asString().contains("AD set");
    }

    @Test
    void bimiNeedsDmarcEnforcement() {
        FakeZone z = FakeZone.builder().txt("default._bimi.example.org", "v=BIMI1; l=; a=")
                .txt("_dmarc.example.org", "v=DMARC1; p=quarantine; pct=50").nxdomain("_dmarc.org").build();
        BimiSection s = new BimiSection(z, AddressPolicy.PUBLIC_ONLY, serving(text("", "text/plain")), 443,
                java.time.Clock.systemUTC());
        assertThat(s.run(AuditRequest.of("example.org")).join()).singleElement()
                .satisfies(c -> assertThat(c.explanation()).contains("declines"));
        var report = new org.maildoctor.auth.dmarc.DmarcChecker(z).check("example.org").join();
        AuditCheck d = BimiSection.dmarcCheck(report);
        assertThat(d.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(d.explanation()).contains("pct=50");
    }
}
