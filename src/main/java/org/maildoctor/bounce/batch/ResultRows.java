package org.maildoctor.bounce.batch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maildoctor.bounce.BounceResult;
import org.maildoctor.bounce.ParseOutcome;
import org.maildoctor.smtp.EnhancedStatus;
import org.maildoctor.smtp.ReplyCode;

/**
 * The stable per-recipient row of {@code bounce parse} (JSON lines, CSV, table) and of
 * {@code POST /api/v1/bounces/parse}. Field names are part of the contract (docs/cli-bounce.md).
 */
public final class ResultRows {

    public static final List<String> COLUMNS = List.of("file", "recipient", "originalRecipient",
            "status", "replyCode", "reason", "hard", "action", "diagnostic", "command", "reportingMta", "remoteMta",
            "lastAttemptDate", "messageId", "from", "to", "subject", "feedbackType", "dialect", "message", "outcome");

    private static final int FILE = COLUMNS.indexOf("file");
    private static final int DIAGNOSTIC = COLUMNS.indexOf("diagnostic");
    private static final int MESSAGE = COLUMNS.indexOf("message");
    private static final int OUTCOME = COLUMNS.indexOf("outcome");

    private ResultRows() {
    }

    /** The row as a map in {@link #COLUMNS} order. */
    public static Map<String, Object> row(String file, long message, BounceResult r) {
        return toMap(values(file, message, r));
    }

    /**
     * The row's values in {@link #COLUMNS} order: what {@code bounce parse} writes, without a map per row (it
     * writes one row per recipient of a batch of any size).
     */
    public static Object[] values(String file, long message, BounceResult r) {
        return new Object[] {file, r.recipient(), r.originalRecipient(), r.status().map(EnhancedStatus::toString).orElse(null),
            r.replyCode().map(ReplyCode::value).orElse(null), r.reason().code(), r.hard(), r.action(), r.diagnostic(),
            r.command(), r.reportingMta(), r.remoteMta(), r.lastAttemptDate(), r.returned().messageId(),
            r.returned().from(), r.returned().to(), r.returned().subject(), r.feedbackType(), r.dialect(), message,
            "bounce"};
    }

    /**
     * The row of a message with no result ({@code --verbose}) as values in {@link #COLUMNS} order: outcome and why,
     * the rest empty.
     */
    public static Object[] noResultValues(String file, long message, ParseOutcome o) {
        Object[] v = new Object[COLUMNS.size()];
        v[FILE] = file;
        v[MESSAGE] = message;
        switch (o) {
            case ParseOutcome.NotABounce n -> {
                v[OUTCOME] = "not-a-bounce";
                v[DIAGNOSTIC] = n.reason();
            }
            case ParseOutcome.Undecodable u -> {
                v[OUTCOME] = "undecodable";
                v[DIAGNOSTIC] = u.reason();
            }
            case ParseOutcome.Bounces b -> v[OUTCOME] = "bounce";
        }
        return v;
    }

    private static Map<String, Object> toMap(Object[] values) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(COLUMNS.get(i), values[i]);
        }
        return m;
    }
}
