package org.maildoctor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.maildoctor.audit.mx.MxAudit;
import org.maildoctor.dns.FakeZone;

class MxAuditTest {

    private static Map<String, AuditCheck> audit(FakeZone zone, String domain, AddressPolicy policy) {
        List<AuditCheck> checks = new MxAudit(zone, policy).audit(domain).join();
        return checks.stream().collect(Collectors.toMap(AuditCheck::id, Function.identity()));
    }

    @Test
    void healthyMxPasses() {
        FakeZone zone = FakeZone.builder().mx("example.org", 10, "mx1.example.org").mx("example.org", 20, "mx2.example.org")
                .a("mx1.example.org", "8.8.8.8").aaaa("mx2.example.org", "2a00:1450:4001:80b::200e").build();
        Map<String, AuditCheck> c = audit(zone, "example.org", AddressPolicy.PUBLIC_ONLY);
        assertThat(c.values()).allSatisfy(x -> assertThat(x.status()).as(x.id()).isEqualTo(CheckStatus.PASS));
        assertThat(c).containsKeys("mx.records", "mx.nullmx", "mx.targets", "mx.cname", "mx.addresses");
        // both targets were resolved in both families
        assertThat(zone.queryCount()).isEqualTo(5);
    }

    @Test
    void nullMxFailsForASendingDomain() {
        FakeZone zone = FakeZone.builder().mx("nullmx.example", 0, ".").build();
        AuditCheck nullMx = audit(zone, "nullmx.example", AddressPolicy.PUBLIC_ONLY).get("mx.nullmx");
        assertThat(nullMx.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(nullMx.explanation()).contains("RFC 7505");
        assertThat(nullMx.fix()).isPresent();
    }

    @Test
    void cnameTargetFails() {
        FakeZone zone = FakeZone.builder().mx("example.org", 10, "alias.example.org")
                .cname("alias.example.org", "real.example.net").a("real.example.net", "8.8.8.8").build();
        Map<String, AuditCheck> c = audit(zone, "example.org", AddressPolicy.PUBLIC_ONLY);
        assertThat(c.get("mx.cname").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(c.get("mx.cname").fix().orElseThrow()).contains("canonical");
        assertThat(c.get("mx.targets").status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void targetWithoutAddressFails() {
        FakeZone zone = FakeZone.builder().mx("example.org", 10, "gone.example.org").nxdomain("gone.example.org").build();
        assertThat(audit(zone, "example.org", AddressPolicy.PUBLIC_ONLY).get("mx.targets").status())
                .isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void timeoutOnTargetIsUnknownNotFail() {
        FakeZone zone = FakeZone.builder().mx("example.org", 10, "slow.example.org").timeout("slow.example.org").build();
        assertThat(audit(zone, "example.org", AddressPolicy.PUBLIC_ONLY).get("mx.targets").status())
                .isEqualTo(CheckStatus.UNKNOWN);
    }

    @Test
    void privateAddressesFailUnlessAllowed() {
        FakeZone zone = FakeZone.builder().mx("example.org", 10, "mx.example.org").a("mx.example.org", "10.0.0.5").build();
        assertThat(audit(zone, "example.org", AddressPolicy.PUBLIC_ONLY).get("mx.addresses").status())
                .isEqualTo(CheckStatus.FAIL);
        assertThat(audit(zone, "example.org", AddressPolicy.ALLOW_PRIVATE).get("mx.addresses").status())
                .isEqualTo(CheckStatus.PASS);
    }

    @Test
    void noMxWithAddressIsImplicitMxWarning() {
        FakeZone zone = FakeZone.builder().a("nomx.example", "8.8.8.8").build();
        AuditCheck r = audit(zone, "nomx.example", AddressPolicy.PUBLIC_ONLY).get("mx.records");
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.explanation()).contains("implicit MX");
    }

    @Test
    void noMxNoAddressFails() {
        FakeZone zone = FakeZone.builder().txt("noaddr.example", "hello").build();
        assertThat(audit(zone, "noaddr.example", AddressPolicy.PUBLIC_ONLY).get("mx.records").status())
                .isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void nxdomainFailsAndServfailIsUnknown() {
        FakeZone zone = FakeZone.builder().nxdomain("gone.example").servfail("broken.example").build();
        assertThat(audit(zone, "gone.example", AddressPolicy.PUBLIC_ONLY).get("mx.records").status())
                .isEqualTo(CheckStatus.FAIL);
        assertThat(audit(zone, "broken.example", AddressPolicy.PUBLIC_ONLY).get("mx.records").status())
                .isEqualTo(CheckStatus.UNKNOWN);
    }

    @Test
    void ipLiteralTargetFails() {
        FakeZone zone = FakeZone.builder().mx("example.org", 10, "192.0.2.25").build();
        assertThat(audit(zone, "example.org", AddressPolicy.PUBLIC_ONLY).get("mx.targets").status())
                .isEqualTo(CheckStatus.FAIL);
    }
}
