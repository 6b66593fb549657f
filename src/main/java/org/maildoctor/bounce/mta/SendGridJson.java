package org.maildoctor.bounce.mta;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.maildoctor.smtp.Reason;

/**
 * SendGrid's JSON: the Event Webhook (https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/event)
 * posts an array of events ({@code event}: bounce, dropped, deferred, delivered, spamreport, ...), and the
 * older Bounces API lists {@code {email, status, reason, created}} rows with no event name (all bounces).
 * Opens, clicks and other engagement events say nothing about delivery and are skipped.
 */
public final class SendGridJson {

    private SendGridJson() {
    }

    /** Whether a JSON value looks like SendGrid's (an event or a bounce row, or an array of them). */
    public static boolean isSendGrid(JsonNode n) {
        JsonNode first = n.isArray() && !n.isEmpty() ? n.get(0) : n;
        return first != null && first.isObject() && first.has("email")
                && (first.has("event") || first.has("reason") || first.has("status"));
    }

    public static List<Finding> decode(JsonNode n) {
        List<Finding> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(e -> event(e, out));
        } else {
            event(n, out);
        }
        return out;
    }

    private static void event(JsonNode e, List<Finding> out) {
        if (!e.isObject() || !e.has("email")) {
            return;
        }
        String event = e.path("event").asText("bounce").toLowerCase(Locale.ROOT);
        String status = e.path("status").asText("");
        String text = e.path("reason").asText(e.path("response").asText("")).strip();
        Finding.Builder b = Finding.builder().recipient(e.path("email").asText(""))
                .diagnosticType("smtp").diagnostic(text)
                .lastAttemptDate(e.path("created").asText(e.path("timestamp").asText("")));
        if (status.matches("[245]\\.\\d{1,3}\\.\\d{1,3}")) {
            b.status(status);
        }
        switch (event) {
            case "bounce" -> b.action("failed");
            case "deferred" -> b.action("delayed");
            case "delivered" -> b.action("delivered");
            // SendGrid did not send: the address is on its bounce, unsubscribe or spam-report suppression list
            case "dropped" -> b.action("failed").reasonHint(Reason.SUPPRESSED);
            case "spamreport" -> b.reasonHint(Reason.FEEDBACK).feedbackType("abuse");
            default -> {
                return; // processed, open, click, unsubscribe, group events: no delivery outcome
            }
        }
        out.add(b.build());
    }
}
