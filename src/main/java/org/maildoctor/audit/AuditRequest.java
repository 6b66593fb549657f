package org.maildoctor.audit;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.maildoctor.dns.DnsNameException;
import org.maildoctor.dns.DnsNames;

/**
 * What to audit: the sending domain, the IPs it sends from ({@code --ip}, for reverse DNS and
 * blocklists) and DKIM selectors to check besides the common ones ({@code --selector}).
 */
public record AuditRequest(String domain, List<InetAddress> ips, List<String> selectors) {
    /** RFC 5321 §4.1.2 sub-domain: letters, digits and inner hyphens (A-labels included). */
    private static final Pattern LDH_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public AuditRequest {
        String name = DnsNames.normalize(domain);
        for (String label : name.split("\\.")) {
            if (!LDH_LABEL.matcher(label).matches()) {
                throw new DnsNameException(domain, "not a mail domain: labels may contain only letters, digits "
                        + "and hyphens (RFC 5321 §4.1.2)");
            }
        }
        domain = name;
        ips = List.copyOf(ips);
        selectors = List.copyOf(selectors);
    }

    /**
     * From what a user typed (CLI arguments, a web form, query parameters): IP literals, blank
     * entries ignored.
     *
     * @throws IllegalArgumentException with a message fit for the user when the domain or an IP is not one
     */
    public static AuditRequest parse(String domain, List<String> ips, List<String> selectors) {
        List<InetAddress> addresses = new ArrayList<>();
        for (String ip : ips) {
            if (!ip.isBlank()) {
                addresses.add(DnsNames.parseIpLiteral(ip.strip())
                        .orElseThrow(() -> new IllegalArgumentException("'" + ip + "' is not an IP address")));
            }
        }
        return new AuditRequest(domain, addresses, selectors);
    }

    public static AuditRequest of(String domain) {
        return new AuditRequest(domain, List.of(), List.of());
    }
}
