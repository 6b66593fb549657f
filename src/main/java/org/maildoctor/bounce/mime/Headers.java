package org.maildoctor.bounce.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Header fields in their original order, unfolded, with MIME encoded words decoded. Lookups ignore
 * case. Parsed leniently: a line that is no field ends the block, as RFC 5322 §2.1 says.
 */
public final class Headers {

    public record Field(String name, String value) {
    }

    public static final Headers EMPTY = new Headers(List.of());

    private final List<Field> fields;

    public Headers(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    /** Reads the header block at the start of {@code text} (LF line ends), stopping at the first empty line. */
    public static Headers parse(String text) {
        List<Field> out = new ArrayList<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        // line by line up to the empty line: the text may be a whole returned message, which split() would cut up in full
        for (int at = 0; at <= text.length(); ) {
            int nl = text.indexOf('\n', at);
            String line = text.substring(at, nl < 0 ? text.length() : nl);
            at = nl < 0 ? text.length() + 1 : nl + 1;
            if (line.isEmpty()) {
                break;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                value.append(' ').append(line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.substring(0, colon).strip().contains(" ")) {
                if (line.startsWith("From ") && out.isEmpty() && name == null) {
                    continue; // an mbox separator line before the first field
                }
                break;
            }
            if (name != null) {
                out.add(new Field(name, MimeText.decodeWords(value.toString().strip())));
            }
            name = line.substring(0, colon).strip();
            value.setLength(0);
            value.append(line.substring(colon + 1));
        }
        if (name != null) {
            out.add(new Field(name, MimeText.decodeWords(value.toString().strip())));
        }
        return new Headers(out);
    }

    public List<Field> fields() {
        return fields;
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    public Optional<String> first(String name) {
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                return Optional.of(f.value());
            }
        }
        return Optional.empty();
    }

    /** The first value, or the empty string. */
    public String get(String name) {
        return first(name).orElse("");
    }

    public List<String> all(String name) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).map(Field::value).toList();
    }

    public boolean has(String name) {
        return first(name).isPresent();
    }

    /** Any field whose name starts with {@code prefix}, e.g. {@code X-Postfix-}. */
    public boolean hasPrefix(String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        return fields.stream().anyMatch(f -> f.name().toLowerCase(Locale.ROOT).startsWith(p));
    }
}
