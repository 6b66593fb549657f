package org.maildoctor.dns;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The record types maildoctor asks for, with their IANA RR type codes (RFC 1035, 3596, 6698). */
public enum RecordType {
    A(1),
    NS(2),
    CNAME(5),
    SOA(6),
    PTR(12),
    MX(15),
    TXT(16),
    AAAA(28),
    TLSA(52),
    /** The SPF RR type, deprecated by RFC 7208 3.1; asked only to report that a domain still publishes it. */
    SPF(99);

    private final int code;

    RecordType(int code) {
        this.code = code;
    }

    /** The RR TYPE value on the wire. */
    public int code() {
        return code;
    }

    /**
     * Parses a type name case-insensitively ({@code mx}, {@code MX}).
     *
     * @throws IllegalArgumentException naming the known types, for anything else
     */
    public static RecordType parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (RecordType type : values()) {
            if (type.name().equals(t)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown record type '" + text + "' (known: "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
    }
}
