package org.maildoctor.blocklist;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.maildoctor.dns.DnsNames;

/**
 * One DNS blocklist of the catalogue: where it is ({@code zone}, optionally its own {@code server}),
 * what it is keyed by, what its answers mean ({@code codes}; {@code errors} are answers that mean
 * "query refused", never a listing), whether those meanings were read in the list's own
 * documentation ({@code verified}), and where a listed sender asks for removal.
 */
public record Blocklist(String id, String name, String zone, ListKind kind, boolean ipv6, CodeScheme scheme,
        List<ReturnCode> codes, List<ReturnCode> errors, boolean verified, String codeSource, String delisting,
        Optional<String> note, boolean enabled, ProbePoints probe, Optional<ListServer> server,
        Optional<Duration> timeout) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public Blocklist {
        Objects.requireNonNull(id);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("list id '" + id + "': use lower-case letters, digits and '-'");
        }
        Objects.requireNonNull(name);
        zone = DnsNames.normalize(zone);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(scheme);
        codes = List.copyOf(codes);
        errors = List.copyOf(errors);
        Objects.requireNonNull(codeSource);
        Objects.requireNonNull(delisting);
        note = Objects.requireNonNullElse(note, Optional.empty());
        Objects.requireNonNull(probe);
        server = Objects.requireNonNullElse(server, Optional.empty());
        timeout = Objects.requireNonNullElse(timeout, Optional.empty());
        if (kind == ListKind.DOMAIN && ipv6) {
            throw new IllegalArgumentException("list " + id + ": ipv6 applies to ip lists only");
        }
        if (timeout.isPresent() && (timeout.get().isNegative() || timeout.get().isZero())) {
            throw new IllegalArgumentException("list " + id + ": timeout must be positive");
        }
    }

    /** Whether this list can say anything about the target (domain lists for domains, IPv6 only if supported). */
    public Optional<String> whyNotApplicable(Target target) {
        return switch (target) {
            case Target.Ip ip when kind == ListKind.DOMAIN -> Optional.of("a domain list; " + ip.text() + " is an IP address");
            case Target.Ip ip when ip.isV6() && !ipv6 -> Optional.of("lists IPv4 addresses only");
            case Target.Domain d when kind == ListKind.IP -> Optional.of("an IP address list; " + d.name() + " is a domain");
            default -> Optional.empty();
        };
    }
}
