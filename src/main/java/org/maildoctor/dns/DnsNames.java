package org.maildoctor.dns;

import java.net.IDN;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one way maildoctor spells a DNS name: ASCII (IDN labels converted to A-labels), lower case,
 * without the trailing dot, the root written {@code "."}. Everything the resolver returns uses this
 * form, so callers can compare names with {@code equals}.
 */
public final class DnsNames {
    /** RFC 1035 2.3.4: 255 octets on the wire, i.e. 253 characters in dotted form without the root dot. */
    public static final int MAX_NAME_LENGTH = 253;
    public static final int MAX_LABEL_LENGTH = 63;

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private DnsNames() {
    }

    /**
     * Normalises a name typed by a person or taken from mail data.
     *
     * <p>Uses {@link java.net.IDN} (IDNA2003) for non-ASCII labels: IDNA2008 (RFC 5891) differs
     * for a few characters (e.g. {@code ß}, which IDNA2003 maps to {@code ss}), but the JDK has no
     * IDNA2008 implementation and a dependency for this edge is not worth it yet. STD3 rules are
     * not applied because mail names need underscores ({@code _dmarc}, {@code sel._domainkey}).
     *
     * @throws DnsNameException if the input cannot be a DNS name
     */
    public static String normalize(String input) {
        if (input == null) {
            throw new DnsNameException(null, "no name given");
        }
        if (isNormalized(input)) {
            // most names (resolver answers, record targets, cache keys) are already in this form:
            // one pass over the characters instead of strip/lower-case/copy on every lookup
            return input;
        }
        String s = input.strip();
        if (s.isEmpty()) {
            throw new DnsNameException(input, "empty name");
        }
        if (s.equals(".")) {
            return ".";
        }
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1).strip(); // "a ." is "a": spaces at the ends never count
            if (s.isEmpty()) {
                throw new DnsNameException(input, "empty label");
            }
        }
        if (s.startsWith(".") || s.contains("..")) {
            throw new DnsNameException(input, "empty label");
        }
        String ascii;
        if (isAscii(s)) {
            ascii = s; // java.net.IDN would reject some legal ASCII (e.g. labels with '*' are fine here)
        } else {
            try {
                ascii = IDN.toASCII(s, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                throw new DnsNameException(input, "not a valid internationalised name (" + String.valueOf(e.getMessage()).replace("java.text.ParseException: ", "").strip() + ")");
            }
        }
        ascii = ascii.toLowerCase(Locale.ROOT).strip();
        // IDNA can map a non-ASCII full stop to a trailing '.', and spaces at the ends never count
        while (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1).strip();
        }
        checkAscii(input, ascii);
        return ascii;
    }

    /**
     * Whether {@code name} is already what {@link #normalize} returns for it: allowed lower-case
     * ASCII, no space at either end, labels of 1-63 characters, at most 253 in all. The root
     * {@code "."} and anything else take the full path.
     */
    private static boolean isNormalized(String name) {
        int n = name.length();
        if (n == 0 || n > MAX_NAME_LENGTH || name.charAt(0) == ' ' || name.charAt(n - 1) == ' ') {
            return false;
        }
        int labelStart = 0;
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c == '.') {
                if (i == labelStart || i - labelStart > MAX_LABEL_LENGTH) {
                    return false;
                }
                labelStart = i + 1;
            } else if (!allowed(c) || (c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return labelStart < n && n - labelStart <= MAX_LABEL_LENGTH;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static void checkAscii(String input, String name) {
        if (name.isEmpty()) {
            throw new DnsNameException(input, "empty name");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new DnsNameException(input, "longer than " + MAX_NAME_LENGTH + " characters");
        }
        int labelStart = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || name.charAt(i) == '.') {
                int len = i - labelStart;
                if (len == 0) {
                    throw new DnsNameException(input, "empty label");
                }
                if (len > MAX_LABEL_LENGTH) {
                    throw new DnsNameException(input, "label longer than " + MAX_LABEL_LENGTH + " characters");
                }
                labelStart = i + 1;
                continue;
            }
            char c = name.charAt(i);
            if (!allowed(c)) {
                throw new DnsNameException(input, "character '" + (c < 0x20 || c > 0x7e
                        ? String.format("\\u%04x", (int) c) : String.valueOf(c)) + "' is not allowed");
            }
        }
    }

    // Printable ASCII and the space, minus what has a meaning in zone-file syntax or would need
    // escaping on the wire (dnsjava would treat '\\' as an escape). Wider than LDH on purpose: RFC 2317
    // classless reverse names contain '/', wildcard owners '*', and SPF macro expansions can yield
    // any octet — the RFC 7208 suite looks up a name with spaces ("macro-mania-in-domain"). Leading
    // and trailing spaces are stripped from the whole input before this check.
    private static final boolean[] ALLOWED = new boolean[0x80];

    static {
        for (char c = 0x20; c < 0x7f; c++) {
            ALLOWED[c] = "\\\"()';@$".indexOf(c) < 0;
        }
    }

    private static boolean allowed(char c) {
        return c < 0x80 && ALLOWED[c];
    }

    /** The absolute presentation form, with the trailing dot ({@code mx.good.test.}). */
    public static String absolute(String normalizedName) {
        return normalizedName.equals(".") ? "." : normalizedName + ".";
    }

    /**
     * Parses an IPv4 or IPv6 literal without any DNS lookup; empty for anything else
     * (names are never resolved here).
     */
    public static Optional<InetAddress> parseIpLiteral(String text) {
        String s = text == null ? "" : text.strip();
        if (!couldBeIpLiteral(s)) {
            return Optional.empty(); // a name: no regex, no stream (this runs once per SPF check)
        }
        try {
            if (IPV4.matcher(s).matches()) {
                String[] parts = s.split("\\.");
                byte[] b = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int v = Integer.parseInt(parts[i]);
                    if (v > 255) {
                        return Optional.empty();
                    }
                    b[i] = (byte) v;
                }
                return Optional.of(InetAddress.getByAddress(b));
            }
            boolean v6 = s.indexOf(':') >= 0
                    && s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
            // With a ':' getByName parses an IPv6 literal or fails; it never looks the string up.
            return v6 ? Optional.of(InetAddress.getByName(s)) : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code s} holds only characters an IPv4 or IPv6 literal can have (or non-ASCII). */
    private static boolean couldBeIpLiteral(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // non-ASCII goes the full way: Character.digit accepts other scripts' digits
            if (!(c >= '0' && c <= '9' || c == '.' || c == ':' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
                    || c >= 0x80)) {
                return false;
            }
        }
        return true;
    }

    /** The PTR owner name of an address: {@code 1.0.0.127.in-addr.arpa} (RFC 1035 3.5, RFC 3596 2.5). */
    public static String reverseName(InetAddress address) {
        return reverseLabels(address) + (address instanceof Inet4Address ? ".in-addr.arpa" : ".ip6.arpa");
    }

    /**
     * The address as reversed labels without a suffix: {@code 1.0.0.127}, or 32 nibbles for IPv6.
     * DNS blocklists (RFC 5782 2.1, 2.4) append their zone to this.
     */
    public static String reverseLabels(InetAddress address) {
        byte[] b = address.getAddress();
        StringBuilder sb = new StringBuilder();
        if (address instanceof Inet4Address) {
            for (int i = b.length - 1; i >= 0; i--) {
                sb.append(b[i] & 0xff).append('.');
            }
        } else if (address instanceof Inet6Address) {
            for (int i = b.length - 1; i >= 0; i--) {
                sb.append(Character.forDigit(b[i] & 0x0f, 16)).append('.');
                sb.append(Character.forDigit((b[i] >> 4) & 0x0f, 16)).append('.');
            }
        } else {
            throw new IllegalArgumentException("not an IP address: " + address);
        }
        return sb.substring(0, sb.length() - 1);
    }
}
