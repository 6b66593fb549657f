package org.maildoctor.generate;

import java.util.List;
import java.util.Objects;
import org.maildoctor.auth.spf.SpfLinter;

/**
 * A TXT record to publish: owner name, the value, and the value as character-strings of at most
 * 255 octets (RFC 1035 3.3), which SPF, DKIM and DMARC receivers join without separator.
 */
public record TxtRecord(String name, String value, List<String> strings) {
    public TxtRecord {
        Objects.requireNonNull(name);
        Objects.requireNonNull(value);
        strings = List.copyOf(strings);
    }

    public static TxtRecord of(String name, String value) {
        return new TxtRecord(name, value, SpfLinter.splitStrings(value));
    }

    /** {@code name. IN TXT "…" "…"}, as a zone file wants it. */
    public String zoneFileLine() {
        StringBuilder sb = new StringBuilder(name).append(". IN TXT");
        for (String s : strings) {
            sb.append(" \"").append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.toString();
    }
}
