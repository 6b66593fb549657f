package org.maildoctor.auth.dmarc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.maildoctor.dns.DnsNameException;
import org.maildoctor.dns.DnsNames;

/**
 * Parses one DMARC reporting URI: an RFC 3986 URI, with RFC 7489 §6.2's optional {@code !size}
 * suffix ({@code mailto:d@example.com!10m}). RFC 9989 removed the suffix (receivers ignore it) and
 * requires commas and exclamation marks inside the URI to be percent-encoded.
 */
final class ReportUriParser {
    private static final String FIX = "Publish an absolute URI such as mailto:dmarc-reports@example.com.";

    private ReportUriParser() {
    }

    static ReportUriParse parse(String raw) {
        String text = raw == null ? "" : Tokens.stripWsp(raw);
        if (text.isEmpty()) {
            return invalid(text, "an empty reporting URI");
        }
        List<DmarcFinding> notes = new ArrayList<>();
        String uri = text;
        Optional<String> size = Optional.empty();
        OptionalLong sizeBytes = OptionalLong.empty();
        int bang = text.lastIndexOf('!');
        if (bang >= 0) {
            String suffix = text.substring(bang + 1);
            OptionalLong bytes = sizeInBytes(suffix);
            if (bytes.isEmpty()) {
                return invalid(text, "'" + Tokens.shorten(text) + "' has a '!' that is not a size limit like !10m "
                        + "(RFC 9989 requires '!' inside a URI to be written %21)");
            }
            uri = text.substring(0, bang);
            size = Optional.of(suffix);
            sizeBytes = bytes;
            notes.add(DmarcFinding.of(FindingId.URI_SIZE_LIMIT, "'" + Tokens.shorten(text) + "' carries the size limit !"
                    + suffix + " (RFC 7489 §6.2); RFC 9989 removed it and its receivers ignore it.",
                    "Drop the !" + suffix + " suffix unless RFC 7489 receivers need it."));
        }
        int colon = uri.indexOf(':');
        if (colon <= 0 || !validScheme(uri.substring(0, colon))) {
            return invalid(text, "'" + Tokens.shorten(text) + "' has no URI scheme (it should start with mailto:)");
        }
        String scheme = uri.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
        String rest = uri.substring(colon + 1);
        if (rest.isEmpty()) {
            return invalid(text, "'" + Tokens.shorten(text) + "' has nothing after its scheme");
        }
        Optional<String> badChar = badCharacter(uri);
        if (badChar.isPresent()) {
            return invalid(text, "'" + Tokens.shorten(text) + "' contains " + badChar.get()
                    + ", which a URI must percent-encode (RFC 3986 §2)");
        }
        Optional<String> host;
        switch (scheme) {
            case "mailto" -> {
                int q = rest.indexOf('?');
                String address = q >= 0 ? rest.substring(0, q) : rest;
                int at = address.lastIndexOf('@');
                if (at <= 0 || at == address.length() - 1) {
                    return invalid(text, "'" + Tokens.shorten(text)
                            + "' is not a mailto: URI with an address like user@domain");
                }
                host = hostName(address.substring(at + 1));
                if (host.isEmpty()) {
                    return invalid(text, "the domain of '" + Tokens.shorten(text) + "' is not a valid domain name");
                }
            }
            case "http", "https" -> {
                if (!rest.startsWith("//") || rest.length() == 2) {
                    return invalid(text, "'" + Tokens.shorten(text) + "' is not an http(s) URL with a host");
                }
                String authority = rest.substring(2).split("[/?#]", 2)[0];
                int at = authority.lastIndexOf('@');
                String hostPort = authority.substring(at + 1);
                String h = hostPort.startsWith("[") ? hostPort : hostPort.split(":", 2)[0];
                host = hostName(h);
                if (host.isEmpty()) {
                    return invalid(text, "the host of '" + Tokens.shorten(text) + "' is not a valid domain name");
                }
                notes.add(DmarcFinding.of(FindingId.URI_UNSUPPORTED_SCHEME, "'" + Tokens.shorten(text)
                        + "' uses " + scheme + ":; receivers need only support mailto: (RFC 9989 §4.7) and most send "
                        + "reports by mail only.", "Add a mailto: destination as well."));
            }
            default -> {
                host = Optional.empty();
                notes.add(DmarcFinding.of(FindingId.URI_UNSUPPORTED_SCHEME, "'" + Tokens.shorten(text)
                        + "' uses the scheme " + scheme + ":, which receivers must ignore if they do not support it "
                        + "(RFC 9989 §4.7).", "Use a mailto: URI."));
            }
        }
        return new ReportUriParse.Valid(new ReportUri(uri, scheme, host, size, sizeBytes), notes);
    }

    private static ReportUriParse invalid(String text, String why) {
        return new ReportUriParse.Invalid(text, DmarcFinding.of(FindingId.INVALID_URI,
                "Invalid reporting URI: " + why + ".", FIX));
    }

    // RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
    private static boolean validScheme(String s) {
        if (s.isEmpty() || !Tokens.isAlpha(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Tokens.isAlpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    // RFC 3986 §2: unreserved / reserved / pct-encoded; ',' and '!' must additionally be encoded (RFC 9989 ABNF note)
    private static Optional<String> badCharacter(String uri) {
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '%') {
                if (i + 2 >= uri.length() || Character.digit(uri.charAt(i + 1), 16) < 0
                        || Character.digit(uri.charAt(i + 2), 16) < 0) {
                    return Optional.of("a '%' that does not start a %XX escape");
                }
                continue;
            }
            boolean ok = Tokens.isAlpha(c) || (c >= '0' && c <= '9') || "-._~:/?#[]@$&'()*+;=".indexOf(c) >= 0;
            if (!ok) {
                return Optional.of(c == ',' ? "a comma" : c == ' ' || c == '\t' ? "white space"
                        : c < 0x20 || c > 0x7e ? String.format("the character U+%04X", (int) c) : "'" + c + "'");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> hostName(String h) {
        if (h.isEmpty() || h.startsWith("[")) {
            return h.startsWith("[") && h.endsWith("]") ? Optional.of(h) : Optional.empty();
        }
        try {
            String n = DnsNames.normalize(h);
            return n.equals(".") ? Optional.empty() : Optional.of(n);
        } catch (DnsNameException e) {
            return Optional.empty();
        }
    }

    // RFC 7489 §6.2: "!" 1*DIGIT [ "k" / "m" / "g" / "t" ], units are powers of two
    static OptionalLong sizeInBytes(String suffix) {
        if (suffix.isEmpty() || suffix.length() > 19) {
            return OptionalLong.empty();
        }
        int end = suffix.length();
        long unit = 1;
        char last = Character.toLowerCase(suffix.charAt(end - 1));
        switch (last) {
            case 'k' -> unit = 1L << 10;
            case 'm' -> unit = 1L << 20;
            case 'g' -> unit = 1L << 30;
            case 't' -> unit = 1L << 40;
            default -> {
            }
        }
        String digits = unit == 1 ? suffix : suffix.substring(0, end - 1);
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Math.multiplyExact(Long.parseLong(digits), unit));
        } catch (ArithmeticException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
