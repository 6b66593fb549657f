package org.maildoctor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.maildoctor.audit.mx.MxAudit;
import org.maildoctor.audit.rdns.ReverseDnsAudit;
import org.maildoctor.dns.Resolver;
import org.maildoctor.dns.dnsjava.Resolvers;
import org.maildoctor.testing.Harness;

/** MX and reverse-DNS checks against the harness's real Knot DNS zones. */
class MxAndReverseDnsIT {
    private final Resolver resolver = Resolvers.create(
            Optional.of(new InetSocketAddress("127.0.0.1", Harness.dnsPort())), Duration.ofSeconds(3), 1);

    private static Map<String, AuditCheck> byId(List<AuditCheck> checks) {
        return checks.stream().collect(Collectors.toMap(AuditCheck::id, Function.identity()));
    }

    private Map<String, AuditCheck> mx(String domain) {
        return byId(new MxAudit(resolver, AddressPolicy.ALLOW_PRIVATE).audit(domain).join());
    }

    private Map<String, AuditCheck> rdns(String ip) throws Exception {
        return byId(new ReverseDnsAudit(resolver).audit(InetAddress.getByName(ip)).join());
    }

    @Test
    void goodTestPassesWithPrivateAllowedAndFailsWithout() {
        assertThat(mx("good.test").values()).allSatisfy(c -> assertThat(c.status()).as(c.id()).isEqualTo(CheckStatus.PASS));
        Map<String, AuditCheck> strict = byId(new MxAudit(resolver, AddressPolicy.PUBLIC_ONLY).audit("good.test").join());
        assertThat(strict.get("mx.addresses").status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void brokenTestMxIsACname() {
        AuditCheck cname = mx("broken.test").get("mx.cname");
        assertThat(cname.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(cname.evidence()).anySatisfy(e -> assertThat(e).contains("mxalias.broken.test"));
    }

    @Test
    void nullMxTestFails() {
        assertThat(mx("nullmx.test").get("mx.nullmx").status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void miscZoneCases() {
        assertThat(mx("nomx.misc.test").get("mx.records").status()).isEqualTo(CheckStatus.WARN);
        assertThat(mx("noaddr.misc.test").get("mx.records").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(mx("nxmx.misc.test").get("mx.targets").status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void reverseDns() throws Exception {
        assertThat(rdns("127.0.0.1").get("rdns.fcrdns").status()).isEqualTo(CheckStatus.PASS);
        assertThat(rdns("127.0.0.3").get("rdns.fcrdns").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(rdns("127.0.0.5").get("rdns.ptr").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(rdns("::1").get("rdns.ptr").status()).isEqualTo(CheckStatus.PASS);
    }
}
