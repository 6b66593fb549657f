package org.maildoctor.transport.starttls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Name and date checks of a server certificate, apart from chain trust so that each problem is
 * reported on its own. Names follow RFC 6125 §6.4: DNS names in the subjectAltName only, a wildcard
 * only as the whole left-most label and matching exactly one label.
 */
public final class CertificateCheck {
    /** Certificates that expire sooner than this are flagged (most CAs renew at 30 days). */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(14);

    private CertificateCheck() {
    }

    public enum Validity { CURRENT, EXPIRES_SOON, EXPIRED, NOT_YET_VALID }

    public static Validity validity(X509Certificate cert, Clock clock) {
        Instant now = clock.instant();
        Instant notAfter = cert.getNotAfter().toInstant();
        if (now.isBefore(cert.getNotBefore().toInstant())) {
            return Validity.NOT_YET_VALID;
        }
        if (now.isAfter(notAfter)) {
            return Validity.EXPIRED;
        }
        return now.plus(EXPIRY_WARNING).isAfter(notAfter) ? Validity.EXPIRES_SOON : Validity.CURRENT;
    }

    /** The subjectAltName DNS names, lower case. */
    public static List<String> dnsNames(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (san.size() >= 2 && Integer.valueOf(2).equals(san.get(0)) && san.get(1) instanceof String s) {
                        names.add(s.toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // an unparsable extension names nothing
        }
        return List.copyOf(names);
    }

    public static boolean matches(X509Certificate cert, String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        for (String name : dnsNames(cert)) {
            if (nameMatches(name, h)) {
                return true;
            }
        }
        return false;
    }

    static boolean nameMatches(String pattern, String host) {
        if (!pattern.startsWith("*.")) {
            return pattern.equals(host);
        }
        String suffix = pattern.substring(1);
        if (!host.endsWith(suffix)) {
            return false;
        }
        String first = host.substring(0, host.length() - suffix.length());
        return !first.isEmpty() && !first.contains(".");
    }
}
