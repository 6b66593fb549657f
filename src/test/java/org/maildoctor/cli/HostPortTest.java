package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class HostPortTest {

    @Test
    void hostAloneTakesTheDefaultPort() {
        assertThat(HostPort.parse("127.0.0.1", 53)).isEqualTo(new HostPort("127.0.0.1", 53));
    }

    @Test
    void hostAndPort() {
        assertThat(HostPort.parse("127.0.0.1:5353", 53)).isEqualTo(new HostPort("127.0.0.1", 5353));
    }

    @Test
    void bracketedAndBareIpv6() {
        assertThat(HostPort.parse("[::1]:5353", 53)).isEqualTo(new HostPort("::1", 5353));
        assertThat(HostPort.parse("::1", 53)).isEqualTo(new HostPort("::1", 53));
        assertThat(new HostPort("::1", 5353)).hasToString("[::1]:5353");
    }

    @Test
    void badPortsAreRejected() {
        assertThatThrownBy(() -> HostPort.parse("127.0.0.1:0", 53)).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> HostPort.parse("127.0.0.1:70000", 53)).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> HostPort.parse("127.0.0.1:x", 53)).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> HostPort.parse(":53", 53)).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> HostPort.parse("[::1", 53)).isInstanceOf(TypeConversionException.class);
    }
}
