package org.maildoctor.audit;

import java.util.List;
import java.util.Objects;

/**
 * A corrected record the audit proposes: publish {@code value} as a TXT record at {@code name}
 * (in {@code strings} of at most 255 octets), replacing what is there.
 *
 * @param section the audit section that found the problem (e.g. "SPF")
 * @param why     what it corrects
 * @param notes   caveats (flattened ranges go stale, the next rollout steps …)
 */
public record RecordToPublish(String section, String name, String value, List<String> strings, String why,
                             List<String> notes) {
    public RecordToPublish {
        Objects.requireNonNull(section);
        Objects.requireNonNull(name);
        Objects.requireNonNull(value);
        strings = List.copyOf(strings);
        Objects.requireNonNull(why);
        notes = List.copyOf(notes);
    }

    public String zoneFileLine() {
        StringBuilder sb = new StringBuilder(name).append(". IN TXT");
        strings.forEach(s -> sb.append(" \"").append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
        return sb.toString();
    }
}
