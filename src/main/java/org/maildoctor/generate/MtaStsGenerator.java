package org.maildoctor.generate;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.maildoctor.dns.DnsNameException;
import org.maildoctor.dns.DnsNames;

/**
 * Builds the MTA-STS policy file (RFC 8461 §3.2), the {@code _mta-sts} TXT record (§3.1) and the
 * TLS-RPT record (RFC 8460 §3). The policy id is the generation time to the second (UTC), so each
 * run gives a fresh id that sorts after the previous one, as §3.1 asks when the policy changes.
 */
public final class MtaStsGenerator {
    /** RFC 8461 §3.2: max_age is at most 31557600 seconds (about one year). */
    public static final long MAX_AGE_LIMIT = 31_557_600;
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** RFC 8461 §3.2 {@code mx-pattern}: a host name, optionally with a leftmost "*." label. */
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private final Clock clock;

    public MtaStsGenerator(Clock clock) {
        this.clock = clock;
    }

    /** @throws IllegalArgumentException with a message fit for the user when a choice is not valid */
    public MtaStsProposal generate(MtaStsChoices c) {
        String domain = name(c.domain());
        if (c.mx().isEmpty() && c.mode() != MtaStsMode.NONE) {
            throw new IllegalArgumentException("name at least one MX host (or pattern such as *.example.org)");
        }
        if (c.maxAge() < 0 || c.maxAge() > MAX_AGE_LIMIT) {
            throw new IllegalArgumentException("max_age must be 0 to " + MAX_AGE_LIMIT + " seconds (RFC 8461 §3.2)");
        }
        StringBuilder policy = new StringBuilder();
        policy.append("version: STSv1\r\n").append("mode: ").append(c.mode().token()).append("\r\n");
        for (String mx : c.mx()) {
            policy.append("mx: ").append(pattern(mx)).append("\r\n");
        }
        policy.append("max_age: ").append(c.maxAge()).append("\r\n");
        String id = ID.format(clock.instant());
        TxtRecord sts = TxtRecord.of("_mta-sts." + domain, "v=STSv1; id=" + id);
        Optional<TxtRecord> rpt = Optional.empty();
        if (!c.tlsRptRua().isEmpty()) {
            List<String> uris = new ArrayList<>();
            for (String r : c.tlsRptRua()) {
                uris.add(tlsRptUri(r));
            }
            rpt = Optional.of(TxtRecord.of("_smtp._tls." + domain, "v=TLSRPTv1; rua=" + String.join(",", uris)));
        }
        return new MtaStsProposal(domain, "https://mta-sts." + domain + "/.well-known/mta-sts.txt",
                policy.toString(), sts, rpt);
    }

    static String pattern(String mx) {
        String m = mx.strip().toLowerCase(Locale.ROOT);
        if (m.endsWith(".")) {
            m = m.substring(0, m.length() - 1);
        }
        String rest = m.startsWith("*.") ? m.substring(2) : m;
        String[] labels = rest.split("\\.", -1);
        boolean ok = labels.length >= 2;
        for (String l : labels) {
            ok &= LABEL.matcher(l).matches();
        }
        if (!ok) {
            throw new IllegalArgumentException("'" + mx + "' is not an MX host name or pattern (e.g. mx1.example.org "
                    + "or *.example.org; RFC 8461 §3.2)");
        }
        return m;
    }

    /** RFC 8460 §3: {@code mailto:} or {@code https:} URIs; a bare address gets mailto:. */
    static String tlsRptUri(String text) {
        String t = text.strip();
        if (t.regionMatches(true, 0, "https://", 0, 8)) {
            return t;
        }
        String address = t.regionMatches(true, 0, "mailto:", 0, 7) ? t.substring(7) : t;
        int at = address.lastIndexOf('@');
        if (at <= 0 || address.contains(",") || address.contains(";") || address.contains(" ")) {
            throw new IllegalArgumentException("'" + text + "' is not a TLS-RPT destination (an address or https:// URL)");
        }
        name(address.substring(at + 1));
        return "mailto:" + address;
    }

    private static String name(String d) {
        try {
            return DnsNames.normalize(d);
        } catch (DnsNameException e) {
            throw new IllegalArgumentException("'" + d + "' is not a domain name: " + e.getMessage());
        }
    }
}
