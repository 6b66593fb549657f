package org.maildoctor.dns;

/** A string that cannot be a DNS name (too long, empty label, forbidden character, bad IDN). */
public final class DnsNameException extends IllegalArgumentException {
    private final String input;

    public DnsNameException(String input, String reason) {
        super("invalid DNS name '" + printable(input) + "': " + printable(reason));
        this.input = input;
    }

    /** The rejected input, as given. */
    public String input() {
        return input;
    }

    // Messages end up on a terminal: never echo control characters from untrusted input.
    private static String printable(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        s.codePoints().limit(300).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
