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

    private ResultRows() {
    }

    public static Map<String, Object> row(String file, long message, BounceResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("recipient", r.recipient());
        m.put("originalRecipient", r.originalRecipient());
        m.put("status", r.status().map(EnhancedStatus::toString).orElse(null));
        m.put("replyCode", r.replyCode().map(ReplyCode::value).orElse(null));
        m.put("reason", r.reason().code());
        m.put("hard", r.hard());
        m.put("action", r.action());
        m.put("diagnostic", r.diagnostic());
        m.put("command", r.command());
        m.put("reportingMta", r.reportingMta());
        m.put("remoteMta", r.remoteMta());
        m.put("lastAttemptDate", r.lastAttemptDate());
        m.put("messageId", r.returned().messageId());
        m.put("from", r.returned().from());
        m.put("to", r.returned().to());
        m.put("subject", r.returned().subject());
        m.put("feedbackType", r.feedbackType());
        m.put("dialect", r.dialect());
        m.put("message", message);
        m.put("outcome", "bounce");
        return m;
    }

    /** The row of a message with no result ({@code --verbose}): outcome and why, the rest empty. */
    public static Map<String, Object> noResult(String file, long message, ParseOutcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String c : COLUMNS) {
            m.put(c, null);
        }
        m.put("file", file);
        m.put("message", message);
        switch (o) {
            case ParseOutcome.NotABounce n -> {
                m.put("outcome", "not-a-bounce");
                m.put("diagnostic", n.reason());
            }
            case ParseOutcome.Undecodable u -> {
                m.put("outcome", "undecodable");
                m.put("diagnostic", u.reason());
            }
            case ParseOutcome.Bounces b -> m.put("outcome", "bounce");
        }
        return m;
    }
}
