package org.maildoctor.audit.mx;

import java.net.InetAddress;
import java.util.List;

/** What the audit learned about one MX target host. {@code failure} is set when DNS gave no answer. */
record TargetReport(String host, boolean ipLiteral, List<String> viaCname, List<InetAddress> addresses,
        String failure, List<String> evidence) {

    TargetReport {
        viaCname = List.copyOf(viaCname);
        addresses = List.copyOf(addresses);
        evidence = List.copyOf(evidence);
    }

    static TargetReport ipLiteral(String host) {
        return new TargetReport(host, true, List.of(), List.of(), null, List.of("MX target " + host));
    }
}
