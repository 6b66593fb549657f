package org.maildoctor.transport.tlsrpt;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.maildoctor.transport.TagValueRecord;

/**
 * The {@code _smtp._tls} TXT record of SMTP TLS Reporting (RFC 8460 §3):
 * <pre>
 * tlsrpt-record  = tlsrpt-version 1*(field-delim tlsrpt-field) [field-delim]
 * tlsrpt-version = %s"v=TLSRPTv1"
 * field-delim    = *WSP ";" *WSP
 * tlsrpt-rua     = %s"rua=" tlsrpt-uri *(*WSP "," *WSP tlsrpt-uri)
 * tlsrpt-uri     = URI   ; "mailto:" or "https:" (§3)
 * </pre>
 */
public record TlsRptRecord(String text, List<URI> rua) {
    public TlsRptRecord {
        rua = List.copyOf(rua);
    }

    public static boolean isCandidate(String txt) {
        return txt.startsWith("v=TLSRPTv1");
    }

    public sealed interface Parse {
        record Valid(TlsRptRecord record) implements Parse {
        }

        record Invalid(String text, String reason) implements Parse {
        }
    }

    /**
     * Picks the record among the TXT strings at {@code _smtp._tls.DOMAIN}: strings not starting with
     * {@code v=TLSRPTv1} are discarded; anything but exactly one left means no TLS-RPT (§3).
     */
    public static Optional<Parse> select(List<String> txts) {
        return TagValueRecord.selectOne(txts, TlsRptRecord::isCandidate, TlsRptRecord::parse, Parse.Invalid::new,
                "v=TLSRPTv1", "RFC 8460 §3 says senders then assume no TLS-RPT");
    }

    public static Parse parse(String text) {
        List<String> problems = new ArrayList<>();
        List<URI> rua = null;
        for (TagValueRecord.Field f : TagValueRecord.fields(text, "v=TLSRPTv1", "field", problems)) {
            if (!f.name().equals("rua")) {
                continue; // extension fields are allowed and ignored
            }
            if (rua != null) {
                problems.add("rua given twice");
                continue;
            }
            rua = new ArrayList<>();
            for (String u : f.value().split(",", -1)) {
                uri(u.strip(), problems).ifPresent(rua::add);
            }
        }
        if (rua == null) {
            problems.add("no rua field: reports have nowhere to go");
        }
        if (!problems.isEmpty()) {
            return new Parse.Invalid(text, String.join("; ", problems));
        }
        return new Parse.Valid(new TlsRptRecord(text, rua));
    }

    private static Optional<URI> uri(String text, List<String> problems) {
        if (text.isEmpty()) {
            problems.add("empty rua URI");
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            problems.add("rua '" + text + "' is not a URI");
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "mailto" -> {
                String ssp = uri.getSchemeSpecificPart();
                int at = ssp == null ? -1 : ssp.indexOf('@');
                if (at <= 0 || at == ssp.length() - 1) {
                    problems.add("rua '" + text + "' is not mailto:local@domain");
                    return Optional.empty();
                }
            }
            case "https" -> {
                if (uri.getHost() == null) {
                    problems.add("rua '" + text + "' has no host");
                    return Optional.empty();
                }
            }
            default -> {
                problems.add("rua '" + text + "' must be a mailto: or https: URI (RFC 8460 §3)");
                return Optional.empty();
            }
        }
        return Optional.of(uri);
    }
}
