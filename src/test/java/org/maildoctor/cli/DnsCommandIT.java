package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.maildoctor.testing.Harness;

/** {@code maildoctor dns} end to end through {@link Main#run}, against the harness DNS. */
class DnsCommandIT {

    record Run(int code, String out, String err, long millis) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long t0 = System.nanoTime();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString(), (System.nanoTime() - t0) / 1_000_000);
    }

    @Test
    void mxAsJson() throws Exception {
        Run r = run("dns", "good.test", "MX", "--dns", Harness.dnsServer(), "--json");
        assertThat(r.code()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("outcome").asText()).isEqualTo("answer");
        assertThat(doc.get("type").asText()).isEqualTo("MX");
        assertThat(doc.get("server").asText()).isEqualTo(Harness.dnsServer());
        JsonNode mx = doc.get("records").get(0);
        assertThat(mx.get("preference").asInt()).isEqualTo(10);
        assertThat(mx.get("exchange").asText()).isEqualTo("mx.good.test");
        assertThat(mx.get("ttl").asInt()).isEqualTo(300);
        assertThat(doc.get("elapsedMs").asLong()).isNotNegative();
    }

    @Test
    void humanOutputShowsTheCnameChainAndTtls() {
        Run r = run("dns", "mxalias.broken.test", "--dns", Harness.dnsServer());
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().toList()).containsExactly(
                "mxalias.broken.test.  300  CNAME  mx.good.test.",
                "mx.good.test.         300  A      127.0.0.1");
    }

    @Test
    void nxdomainIsAProblemNotAFailure() {
        Run r = run("dns", "nosuchname.good.test", "A", "--dns", Harness.dnsServer());
        assertThat(r.code()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(r.out().strip()).isEqualTo("NXDOMAIN: nosuchname.good.test does not exist");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void refusedIsARuntimeFailureButJsonStillPrintsTheDocument() throws Exception {
        Run r = run("dns", "outside.example", "--dns", Harness.dnsServer(), "--json");
        assertThat(r.code()).isEqualTo(ExitCode.RUNTIME);
        assertThat(new ObjectMapper().readTree(r.out()).get("outcome").asText()).isEqualTo("refused");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void closedPortFailsFastWithOneLine() {
        Run r = run("dns", "good.test", "--dns", "127.0.0.1:9", "--timeout", "2s");
        assertThat(r.code()).isEqualTo(ExitCode.RUNTIME);
        assertThat(r.err().lines().toList()).singleElement().asString()
                .startsWith("maildoctor: unreachable: 127.0.0.1:9");
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
        assertThat(r.millis()).isLessThan(4500);
    }

    @Test
    void silentServerTimesOut() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Run r = run("dns", "good.test", "MX", "--dns", "127.0.0.1:" + silent.getLocalPort(), "--timeout", "2s");
            assertThat(r.code()).isEqualTo(ExitCode.RUNTIME);
            assertThat(r.err().lines().toList()).singleElement().asString()
                    .isEqualTo("maildoctor: timeout after 2s waiting for 127.0.0.1:" + silent.getLocalPort()
                            + " (good.test/MX)");
            assertThat(r.millis()).isBetween(1800L, 4500L);
        }
    }

    @Test
    void badInputIsUsage() {
        assertThat(run("dns", "good.test", "SRV").code()).isEqualTo(ExitCode.USAGE);
        Run bad = run("dns", "a..b", "--dns", Harness.dnsServer());
        assertThat(bad.code()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err().strip()).isEqualTo("maildoctor: invalid DNS name 'a..b': empty label");
    }

    @Test
    void anIpAddressAsksForItsPtr() {
        Run r = run("dns", "127.0.0.1", "--dns", Harness.dnsServer());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("1.0.0.127.in-addr.arpa.  300  PTR  mx.good.test.");
    }

    @Test
    void anIpv6ServerWorksToo() {
        Run r = run("dns", "good.test", "MX", "--dns", "[::1]:" + Harness.dnsPort());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("good.test.  300  MX  10 mx.good.test.");
    }
}
