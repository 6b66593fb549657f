package org.maildoctor.generate;

import java.util.List;
import java.util.Objects;

/**
 * What a domain owner chose for MTA-STS (RFC 8461) and TLS reporting (RFC 8460).
 *
 * @param mx         MX host names or patterns ({@code mx1.example.org}, {@code *.example.org})
 * @param maxAge     seconds receivers may cache the policy (RFC 8461 §3.2: at most 31557600)
 * @param tlsRptRua  where TLS reports go ({@code tls@example.org}, {@code mailto:…} or {@code https://…});
 *                   empty: no TLS-RPT record
 */
public record MtaStsChoices(String domain, MtaStsMode mode, List<String> mx, long maxAge, List<String> tlsRptRua) {
    /** One week: long enough to protect, short enough to change course (RFC 8461 §3.2 suggests weeks). */
    public static final long DEFAULT_MAX_AGE = 604_800;

    public MtaStsChoices {
        Objects.requireNonNull(domain);
        Objects.requireNonNull(mode);
        mx = List.copyOf(mx);
        tlsRptRua = List.copyOf(tlsRptRua);
    }
}
