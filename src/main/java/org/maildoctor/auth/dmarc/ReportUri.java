package org.maildoctor.auth.dmarc;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One {@code rua}/{@code ruf} destination (RFC 9989 §4.7, tags rua/ruf, and the §4.8 ABNF {@code dmarc-uri}).
 *
 * @param uri            the URI as published, without the size suffix
 * @param scheme         lower case, e.g. {@code mailto}
 * @param destinationHost the domain that receives the reports (the part after '@' of a mailto address,
 *                       or the host of an http(s) URI), normalised; empty if the URI names none
 * @param sizeLimit      RFC 7489 §6.2 {@code !size} suffix as published ({@code 10m}); removed by RFC 9989,
 *                       whose receivers ignore it
 * @param sizeLimitBytes the suffix in bytes (k/m/g/t are powers of 1024, RFC 7489 §6.2)
 */
public record ReportUri(String uri, String scheme, Optional<String> destinationHost, Optional<String> sizeLimit,
                        OptionalLong sizeLimitBytes) {
    public ReportUri {
        Objects.requireNonNull(uri);
        Objects.requireNonNull(scheme);
        Objects.requireNonNull(destinationHost);
        Objects.requireNonNull(sizeLimit);
        Objects.requireNonNull(sizeLimitBytes);
    }

    /** The URI as published, size suffix included. */
    public String published() {
        return sizeLimit.map(s -> uri + "!" + s).orElse(uri);
    }

    /** The address of a {@code mailto:} URI. */
    public Optional<String> mailbox() {
        if (!scheme.equals("mailto")) {
            return Optional.empty();
        }
        String rest = uri.substring(uri.indexOf(':') + 1);
        int q = rest.indexOf('?');
        return Optional.of(q >= 0 ? rest.substring(0, q) : rest);
    }
}
