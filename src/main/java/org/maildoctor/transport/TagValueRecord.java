package org.maildoctor.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The layout that the MTA-STS (RFC 8461 §3.1), TLS-RPT (RFC 8460 §3) and BIMI TXT records share:
 * a version field, then {@code ;}-separated {@code name=value} fields, an optional trailing {@code ;},
 * and at most one such record at a name. Each record type keeps its own field semantics.
 */
public final class TagValueRecord {

    /** One field after the version, with the name and value as written (the whole field is stripped). */
    public record Field(String name, String value, String text) {
    }

    private TagValueRecord() {
    }

    /**
     * The fields after the version field. Adds to {@code problems}: a version field other than exactly
     * {@code version}, an empty field before the last delimiter (each grammar allows only a trailing one),
     * and a field without a name before {@code =}; {@code fieldWord} names fields in those messages
     * ("field", "tag").
     */
    public static List<Field> fields(String text, String version, String fieldWord, List<String> problems) {
        String[] parts = text.split(";", -1);
        if (!parts[0].strip().equals(version)) {
            problems.add("the version field must be exactly " + version + " followed by ';'");
        }
        List<Field> fields = new ArrayList<>(parts.length);
        for (int i = 1; i < parts.length; i++) {
            String f = parts[i].strip();
            if (f.isEmpty()) {
                if (i < parts.length - 1) {
                    problems.add("empty " + fieldWord);
                }
                continue;
            }
            int eq = f.indexOf('=');
            if (eq <= 0) {
                problems.add(fieldWord + " '" + f + "' is not " + fieldWord.replace("field", "name") + "=value");
                continue;
            }
            fields.add(new Field(f.substring(0, eq), f.substring(eq + 1), f));
        }
        return fields;
    }

    /**
     * Picks the record among all TXT strings at a name: none is "no record"; several candidates make the
     * domain's record unusable, which {@code invalid} reports with {@code consequence} appended.
     */
    public static <P> Optional<P> selectOne(List<String> txts, Predicate<String> isCandidate, Function<String, P> parse,
                                            BiFunction<String, String, P> invalid, String version, String consequence) {
        List<String> candidates = txts.stream().filter(isCandidate).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        if (candidates.size() > 1) {
            return Optional.of(invalid.apply(String.join(" | ", candidates),
                    candidates.size() + " records start with " + version + "; " + consequence));
        }
        return Optional.of(parse.apply(candidates.getFirst()));
    }
}
