package org.maildoctor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.maildoctor.audit.rdns.GenericPtrNames;

class GenericPtrNamesTest {

    @ParameterizedTest
    @CsvSource({
        "203-0-113-9.dsl.example.net, 203.0.113.9, true",
        "9.113.0.203.in-addr.example.net, 203.0.113.9, true",
        "host-203_0_113_9.example.net, 203.0.113.9, true",
        "dynamic-pool.example.net, 203.0.113.9, true",
        "cpe-1234.cable.example.com, 203.0.113.9, true",
        "mail.example.org, 203.0.113.9, false",
        "mx1.good.test, 127.0.0.1, false",
        "smtp-out-203.example.org, 203.0.113.9, false",
        "1203-0-113-90.example.net, 203.0.113.9, false",
        "o1.ptr1234.sendgrid.net, 203.0.113.9, false",
    })
    void recognisesProviderAssignedNames(String name, String ip, boolean generic) throws Exception {
        assertThat(GenericPtrNames.why(name, InetAddress.getByName(ip)).isPresent()).as(name).isEqualTo(generic);
    }
}
