package org.maildoctor.transport.mtasts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.maildoctor.transport.TagValueRecord;

/**
 * The {@code _mta-sts} TXT record (RFC 8461 §3.1):
 * <pre>
 * sts-text-record = sts-version 1*(sts-field-delim sts-field) [sts-field-delim]
 * sts-version     = %s"v=STSv1"
 * sts-id          = %s"id=" 1*32(ALPHA / DIGIT)
 * sts-ext-name    = (ALPHA / DIGIT) 0*31(ALPHA / DIGIT / "_" / "-" / ".")
 * sts-ext-value   = 1*(%x21-3A / %x3C / %x3E-7E)
 * </pre>
 */
public record MtaStsRecord(String text, String id) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,32}");
    private static final Pattern EXT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");
    private static final Pattern EXT_VALUE = Pattern.compile("[\\x21-\\x3A\\x3C\\x3E-\\x7E]+");

    /** Whether a TXT string is meant as an MTA-STS record (others at the name are ignored, §3.1). */
    public static boolean isCandidate(String txt) {
        return txt.startsWith("v=STSv1");
    }

    /** A parse: the record, or why it is not one. */
    public sealed interface Parse {
        record Valid(MtaStsRecord record) implements Parse {
        }

        record Invalid(String text, String reason) implements Parse {
        }
    }

    /** Parses one TXT string that {@link #isCandidate starts with v=STSv1}. */
    public static Parse parse(String text) {
        if (!isCandidate(text)) {
            return new Parse.Invalid(text, "does not start with v=STSv1");
        }
        List<String> problems = new ArrayList<>();
        String id = null;
        for (TagValueRecord.Field f : TagValueRecord.fields(text, "v=STSv1", "field", problems)) {
            if (f.name().equals("id")) {
                if (id != null) {
                    problems.add("id given twice");
                } else if (!ID.matcher(f.value()).matches()) {
                    problems.add("id '" + f.value() + "' must be 1 to 32 letters or digits");
                } else {
                    id = f.value();
                }
            } else if (!EXT_NAME.matcher(f.name()).matches() || !EXT_VALUE.matcher(f.value()).matches()) {
                problems.add("field '" + f.text() + "' is not a valid extension field");
            }
        }
        if (id == null && problems.stream().noneMatch(p -> p.startsWith("id"))) {
            problems.add("no id field");
        }
        if (!problems.isEmpty()) {
            return new Parse.Invalid(text, String.join("; ", problems));
        }
        return new Parse.Valid(new MtaStsRecord(text, id));
    }

    /**
     * Picks the record from all TXT strings at {@code _mta-sts.DOMAIN}: exactly one candidate must exist;
     * several mean the domain has no usable record (§3.1).
     */
    public static Optional<Parse> select(List<String> txts) {
        return TagValueRecord.selectOne(txts, MtaStsRecord::isCandidate, MtaStsRecord::parse, Parse.Invalid::new,
                "v=STSv1", "RFC 8461 §3.1 says senders then treat the domain as having none");
    }
}
