package org.maildoctor.verify.bulk;

import java.util.List;
import org.maildoctor.verify.Flag;
import org.maildoctor.verify.Verification;

/** One output row of a bulk job, as stored: {@code row} is the 1-based data row of the input. */
public record RowResult(long row, String address, String verdict, String reason, String subReason, String flags,
                        String suggestion, String mx, Integer replyCode, String status, String smtpText) {

    public static final List<String> HEADER = List.of("address", "verdict", "reason", "sub_reason", "flags",
            "suggestion", "mx", "reply_code", "status", "smtp_text");

    /** Long text is cut so a row stays small in the database and the output. */
    private static final int MAX_TEXT = 1000;

    public static RowResult of(long row, Verification v) {
        return new RowResult(row, cut(v.address()), v.verdict().code(), v.reason().code(),
                cut(v.subReason().orElse(null)),
                String.join(" ", v.flags().stream().map(Flag::code).toList()), v.suggestion().orElse(null),
                v.mx().orElse(null), v.smtp().flatMap(r -> r.replyCode()).map(c -> c.value()).orElse(null),
                v.smtp().flatMap(r -> r.status()).map(Object::toString).orElse(null),
                cut(v.smtp().map(r -> r.text()).orElse(null)));
    }

    private static String cut(String s) {
        return s == null || s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
    }

    public List<String> fields() {
        return java.util.Arrays.asList(address, verdict, reason, subReason, flags, suggestion, mx,
                replyCode == null ? null : replyCode.toString(), status, smtpText);
    }
}
