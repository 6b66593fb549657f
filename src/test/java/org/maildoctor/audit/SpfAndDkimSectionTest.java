package org.maildoctor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.maildoctor.dns.FakeZone;

class SpfAndDkimSectionTest {
    private static final String KEY = "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAoNyEBSWX47V1SydxjJoYAo8DYa"
            + "NmrZliClleL/ABy1m3MAeSJN62jgsuDxWwe4nOku0x3Rd26gvrURgTnih2kCzM5+yYs6xuwg6fo+GpPiohmSxLMuVdscWxx87qmK4PgAjFYIO"
            + "PHCd5d0MncZBRRcUiTxPhwlcyzX+5+qk3jWqLwZwNoj7ItWAWny3IiUz97uLYa31E51lIpkKRsfHL6fUNtasg8PtTzbgYe2l8LZFZoIqBtymV"
            + "RFHCqKoA3Pe+PtGn3whrlDJxG8bmQ6TQyiAdu2SpI46ZC8Ui2TTnS9CNljkkda0rUEYmiithA2tgCB5UhaxtgJIz/mwqMbXaFwIDAQAB";

    private static Map<String, AuditCheck> byId(List<AuditCheck> checks) {
        return checks.stream().collect(Collectors.toMap(AuditCheck::id, Function.identity()));
    }

    private static Map<String, AuditCheck> spf(FakeZone zone, AuditRequest request) {
        return byId(new SpfSection(zone, AddressPolicy.PUBLIC_ONLY).run(request).join());
    }

    @Test
    void validSpfPassesWithItsLookupCount() {
        FakeZone zone = FakeZone.builder().txt("example.org", "v=spf1 ip4:198.51.100.0/24 include:_spf.example.net -all")
                .txt("_spf.example.net", "v=spf1 ip4:203.0.113.0/24 -all").build();
        Map<String, AuditCheck> c = spf(zone, AuditRequest.of("example.org"));
        assertThat(c.get("spf.record").status()).isEqualTo(CheckStatus.PASS);
        assertThat(c.get("spf.lookups").explanation()).contains("1 of the 10");
    }

    @Test
    void missingSpfFailsWithARecordBuiltFromTheSendingIps() throws Exception {
        FakeZone zone = FakeZone.builder().txt("example.org", "hello").build();
        AuditRequest request = new AuditRequest("example.org", List.of(InetAddress.getByName("198.51.100.7"),
                InetAddress.getByName("2001:db8::7")), List.of());
        AuditCheck record = spf(zone, request).get("spf.record");
        assertThat(record.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(record.fix().orElseThrow()).contains("v=spf1 mx ip4:198.51.100.7 ip6:2001:db8:0:0:0:0:0:7 -all");
    }

    @Test
    void twoRecordsFailAndEachFindingIdAppearsOnce() {
        FakeZone zone = FakeZone.builder().txt("example.org", "v=spf1 -all").txt("example.org", "v=spf1 mx -all").build();
        List<AuditCheck> checks = new SpfSection(zone, AddressPolicy.PUBLIC_ONLY).run(AuditRequest.of("example.org")).join();
        assertThat(checks).extracting(AuditCheck::id).doesNotHaveDuplicates().contains("spf.record", "spf.multiple-records");
        assertThat(byId(checks).get("spf.multiple-records").status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void spfTimeoutIsUnknown() {
        FakeZone zone = FakeZone.builder().timeout("example.org").build();
        assertThat(spf(zone, AuditRequest.of("example.org")).get("spf.record").status()).isEqualTo(CheckStatus.UNKNOWN);
    }

    @Test
    void privateRangesWarnUnlessAllowed() {
        FakeZone zone = FakeZone.builder().txt("example.org", "v=spf1 ip4:10.0.0.0/8 -all").build();
        assertThat(spf(zone, AuditRequest.of("example.org"))).containsKey("spf.private-ip");
        assertThat(byId(new SpfSection(zone, AddressPolicy.ALLOW_PRIVATE).run(AuditRequest.of("example.org")).join()))
                .doesNotContainKey("spf.private-ip");
    }

    @Test
    void dkimKeyAtANamedSelectorPasses() {
        FakeZone zone = FakeZone.builder().txt("sel1._domainkey.example.org", KEY).build();
        Map<String, AuditCheck> c = byId(new DkimSection(zone)
                .run(new AuditRequest("example.org", List.of(), List.of("sel1"))).join());
        assertThat(c.get("dkim.selector").status()).isEqualTo(CheckStatus.PASS);
        assertThat(c.get("dkim.selector").explanation()).contains("sel1", "2048");
        assertThat(c.get("dkim.key-strength").status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void noKeyAnywhereWarnsAndANamedMissingSelectorFails() {
        FakeZone zone = FakeZone.builder().build();
        Map<String, AuditCheck> c = byId(new DkimSection(zone)
                .run(new AuditRequest("example.org", List.of(), List.of("mine"))).join());
        assertThat(c.get("dkim.selector").status()).isEqualTo(CheckStatus.WARN);
        assertThat(c.get("dkim.missing").status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void revokedNamedSelectorFails() {
        FakeZone zone = FakeZone.builder().txt("old._domainkey.example.org", "v=DKIM1; p=").build();
        Map<String, AuditCheck> c = byId(new DkimSection(zone)
                .run(new AuditRequest("example.org", List.of(), List.of("old"))).join());
        assertThat(c.get("dkim.revoked").status()).isEqualTo(CheckStatus.FAIL);
    }
}
