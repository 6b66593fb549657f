package org.maildoctor.verify;

import java.net.InetAddress;
import java.util.List;

/** Where mail for a domain goes, as DNS says (RFC 5321 §5.1, RFC 7505). */
public sealed interface MailRoute {

    /** One mail host with its addresses, in MX preference order; {@code implicit} for the A/AAAA fallback. */
    record Host(String name, int preference, List<InetAddress> addresses) {
        public Host {
            addresses = List.copyOf(addresses);
        }
    }

    /** Hosts to try in order. {@code implicit}: no MX, the domain's own address (RFC 5321 §5.1). */
    record Hosts(String domain, List<Host> hosts, boolean implicit) implements MailRoute {
        public Hosts {
            hosts = List.copyOf(hosts);
            if (hosts.isEmpty()) {
                throw new IllegalArgumentException("at least one host");
            }
        }

        /** Grouping key: addresses whose domains share the first MX host share SMTP sessions. */
        public String primaryHost() {
            return hosts.getFirst().name();
        }
    }

    /** NXDOMAIN for the domain, no MX and no address, or every MX host does not exist: undeliverable. */
    record NoMailHost(String domain, String why) implements MailRoute {
    }

    /** {@code MX 0 .}: the domain declares it accepts no mail. */
    record NullMx(String domain) implements MailRoute {
    }

    /** DNS did not give a conclusive answer (timeout, SERVFAIL, REFUSED): unknown. */
    record Inconclusive(String domain, String why) implements MailRoute {
    }
}
