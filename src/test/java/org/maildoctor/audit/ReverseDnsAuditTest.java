package org.maildoctor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.maildoctor.audit.rdns.ReverseDnsAudit;
import org.maildoctor.dns.FakeZone;

class ReverseDnsAuditTest {

    private static Map<String, AuditCheck> audit(FakeZone zone, String ip) throws Exception {
        return new ReverseDnsAudit(zone).audit(InetAddress.getByName(ip)).join().stream()
                .collect(Collectors.toMap(AuditCheck::id, Function.identity()));
    }

    @Test
    void forwardConfirmedNamePasses() throws Exception {
        FakeZone zone = FakeZone.builder().ptr(InetAddress.getByName("198.51.100.7"), "mail.example.org")
                .a("mail.example.org", "198.51.100.7").build();
        Map<String, AuditCheck> c = audit(zone, "198.51.100.7");
        assertThat(c.get("rdns.ptr").status()).isEqualTo(CheckStatus.PASS);
        assertThat(c.get("rdns.fcrdns").status()).isEqualTo(CheckStatus.PASS);
        assertThat(c.get("rdns.generic").status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void missingPtrFailsWithGmailHint() throws Exception {
        FakeZone zone = FakeZone.builder().build();
        AuditCheck ptr = audit(zone, "198.51.100.8").get("rdns.ptr");
        assertThat(ptr.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(ptr.explanation()).contains("5.7.25");
    }

    @Test
    void ptrThatDoesNotPointBackFailsFcrdns() throws Exception {
        FakeZone zone = FakeZone.builder().ptr(InetAddress.getByName("198.51.100.9"), "mail.example.org")
                .a("mail.example.org", "198.51.100.10").build();
        AuditCheck fc = audit(zone, "198.51.100.9").get("rdns.fcrdns");
        assertThat(fc.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(fc.fix().orElseThrow()).contains("198.51.100.9");
    }

    @Test
    void genericNameWarns() throws Exception {
        FakeZone zone = FakeZone.builder().ptr(InetAddress.getByName("198.51.100.11"), "198-51-100-11.dsl.example.net")
                .a("198-51-100-11.dsl.example.net", "198.51.100.11").build();
        assertThat(audit(zone, "198.51.100.11").get("rdns.generic").status()).isEqualTo(CheckStatus.WARN);
    }

    @Test
    void ptrTimeoutIsUnknown() throws Exception {
        InetAddress ip = InetAddress.getByName("198.51.100.12");
        FakeZone zone = FakeZone.builder().timeout(org.maildoctor.dns.DnsNames.reverseName(ip)).build();
        assertThat(audit(zone, "198.51.100.12").get("rdns.ptr").status()).isEqualTo(CheckStatus.UNKNOWN);
    }

    @Test
    void ipv6IsConfirmedWithAaaa() throws Exception {
        InetAddress ip = InetAddress.getByName("2001:db8::25");
        FakeZone zone = FakeZone.builder().ptr(ip, "mail6.example.org").aaaa("mail6.example.org", "2001:db8::25").build();
        assertThat(audit(zone, "2001:db8::25").get("rdns.fcrdns").status()).isEqualTo(CheckStatus.PASS);
    }
}
