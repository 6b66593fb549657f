package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.maildoctor.dns.CachingResolver;
import org.maildoctor.dns.dnsjava.DnsjavaResolver;

class WiringTest {

    private static GlobalOptions options(String dns, Duration timeout) {
        GlobalOptions g = new GlobalOptions();
        g.dns = HostPort.parse(dns, 53);
        g.timeout = timeout;
        return g;
    }

    @Test
    void dnsOptionNamesTheServerWithoutAnyLookup() {
        InetSocketAddress v4 = Wiring.dnsServer(options("127.0.0.1:5353", Duration.ofSeconds(2)));
        assertThat(v4.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(v4.getPort()).isEqualTo(5353);
        InetSocketAddress v6 = Wiring.dnsServer(options("[::1]", Duration.ofSeconds(2)));
        assertThat(v6.getAddress()).isInstanceOf(Inet6Address.class);
        assertThat(v6.getPort()).isEqualTo(53);
    }

    @Test
    void buildsTheWireResolverWithTheTimeoutAndTheCacheInFront() {
        GlobalOptions g = options("[::1]:5353", Duration.ofMillis(1500));
        DnsjavaResolver wire = Wiring.networkResolver(g);
        assertThat(wire.server()).isEqualTo("[0:0:0:0:0:0:0:1]:5353");
        assertThat(wire.timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(Wiring.resolver(g)).isInstanceOf(CachingResolver.class);
    }
}
