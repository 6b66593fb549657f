package org.maildoctor.bounce.mta;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.maildoctor.bounce.dsn.DsnParser;
import org.maildoctor.bounce.mime.Mail;
import org.maildoctor.smtp.Reason;

/**
 * Amazon SES event notifications (Bounce, Complaint, Delivery), as JSON: delivered by SNS as a
 * plain-text email, or given directly (a webhook body). Bounce rows carry RFC 3464's fields by name
 * (action, status, diagnosticCode, reportingMTA); a Complaint is feedback; a Delivery is delivered.
 */
public final class AmazonSesJson implements MtaDialect {

    @Override
    public String name() {
        return "AmazonSES";
    }

    @Override
    public boolean matches(Mail mail) {
        return mail.textContains("notificationType"); // also inside an SNS envelope, where quotes are escaped
    }

    @Override
    public List<Finding> decode(Mail mail) {
        String t = mail.text();
        int open = t.indexOf('{');
        int close = t.lastIndexOf('}');
        if (open < 0 || close < open) {
            return List.of();
        }
        // SNS mail folds long lines with a newline and one space; undo that before reading the JSON
        return decodeJson(t.substring(open, close + 1).replace("\n ", ""));
    }

    /** A notification as JSON text; empty when it is not one. */
    public static List<Finding> decodeJson(String json) {
        JsonNode n;
        try {
            n = JsonTree.read(json);
        } catch (Exception e) {
            return List.of();
        }
        if (n == null || !n.isObject()) {
            return List.of();
        }
        if (n.has("Message") && n.get("Message").isTextual()) {
            return decodeJson(n.get("Message").asText()); // an SNS envelope around the notification
        }
        String type = n.path("notificationType").asText(n.path("eventType").asText("")).toLowerCase(Locale.ROOT);
        List<Finding> out = new ArrayList<>();
        switch (type) {
            case "bounce" -> {
                JsonNode b = n.path("bounce");
                for (JsonNode r : b.path("bouncedRecipients")) {
                    String diag = r.path("diagnosticCode").asText("");
                    String diagType = "";
                    int semi = diag.indexOf(';');
                    if (semi > 0 && semi < 12) {
                        diagType = diag.substring(0, semi).strip();
                        diag = diag.substring(semi + 1).strip();
                    }
                    Finding.Builder f = Finding.builder().recipient(DsnParser.address(r.path("emailAddress").asText("")))
                            .action(r.path("action").asText("failed")).status(r.path("status").asText(""))
                            .diagnosticType(diagType).diagnostic(diag)
                            .reportingMta(DsnParser.untype(b.path("reportingMTA").asText("")))
                            .lastAttemptDate(b.path("timestamp").asText(""));
                    if (diag.isEmpty() && "Suppressed".equalsIgnoreCase(b.path("bounceSubType").asText())) {
                        f.reasonHint(Reason.SUPPRESSED);
                    }
                    out.add(f.build());
                }
            }
            case "complaint" -> {
                JsonNode c = n.path("complaint");
                String ft = c.path("complaintFeedbackType").asText("abuse");
                for (JsonNode r : c.path("complainedRecipients")) {
                    out.add(Finding.builder().recipient(DsnParser.address(r.path("emailAddress").asText("")))
                            .feedbackType(ft).reasonHint(Reason.FEEDBACK)
                            .arrivalDate(c.path("timestamp").asText("")).build());
                }
            }
            case "delivery" -> {
                JsonNode d = n.path("delivery");
                for (JsonNode r : d.path("recipients")) {
                    out.add(Finding.builder().recipient(DsnParser.address(r.asText(""))).action("delivered")
                            .diagnostic(d.path("smtpResponse").asText("")).remoteMta(d.path("remoteMtaIp").asText(""))
                            .reportingMta(d.path("reportingMTA").asText("")).lastAttemptDate(d.path("timestamp").asText(""))
                            .reasonHint(Reason.DELIVERED).build());
                }
            }
            default -> {
                // not an SES event
            }
        }
        return out;
    }
}
