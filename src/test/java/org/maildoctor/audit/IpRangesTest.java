package org.maildoctor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.maildoctor.model.AddressScope;
import org.maildoctor.model.IpRanges;

class IpRangesTest {

    @ParameterizedTest
    @CsvSource({
        "8.8.8.8, PUBLIC",
        "10.1.2.3, PRIVATE",
        "172.15.255.255, PUBLIC",
        "172.16.0.1, PRIVATE",
        "172.31.255.255, PRIVATE",
        "172.32.0.0, PUBLIC",
        "192.168.1.1, PRIVATE",
        "100.64.0.1, SHARED",
        "100.128.0.1, PUBLIC",
        "127.0.0.53, LOOPBACK",
        "169.254.1.1, LINK_LOCAL",
        "192.0.2.7, DOCUMENTATION",
        "198.51.100.1, DOCUMENTATION",
        "203.0.113.9, DOCUMENTATION",
        "198.18.0.1, RESERVED",
        "224.0.0.1, MULTICAST",
        "255.255.255.255, RESERVED",
        "0.0.0.0, UNSPECIFIED",
        "::1, LOOPBACK",
        "::, UNSPECIFIED",
        "fd00::1, PRIVATE",
        "fe80::1, LINK_LOCAL",
        "2001:db8::25, DOCUMENTATION",
        "ff02::1, MULTICAST",
        "2a00:1450:4001:80b::200e, PUBLIC",
        "::ffff:10.0.0.1, PRIVATE",
        "::ffff:8.8.4.4, PUBLIC",
    })
    void classifiesBySpecialPurposeRegistry(String ip, AddressScope scope) throws Exception {
        assertThat(IpRanges.scope(InetAddress.getByName(ip))).isEqualTo(scope);
    }
}
