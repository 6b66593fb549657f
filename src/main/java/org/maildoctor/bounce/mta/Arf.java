package org.maildoctor.bounce.mta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.maildoctor.bounce.dsn.DsnParser;
import org.maildoctor.bounce.mime.Headers;
import org.maildoctor.bounce.mime.Mail;
import org.maildoctor.smtp.Reason;

/**
 * RFC 5965 feedback reports (abuse, opt-out, auth-failure): one result per reported recipient, with
 * reason {@code feedback} and the Feedback-Type. Recipients come from Original-Rcpt-To (RFC 5965
 * §3.2), else from the returned message's To.
 */
public final class Arf implements MtaDialect {

    @Override
    public String name() {
        return "ARF";
    }

    @Override
    public boolean matches(Mail mail) {
        return !mail.feedbackReport().isEmpty() || mail.contentType().contains("feedback-report")
                // Microsoft's older complaint loop (JMRP): the complained-of message attached, no report part
                || mail.subject().toLowerCase(Locale.ROOT).startsWith("complaint about message from")
                        && !mail.returnedHeaders().isEmpty();
    }

    @Override
    public List<Finding> decode(Mail mail) {
        Headers report = Headers.parse(mail.feedbackReport().strip());
        String type = report.get("Feedback-Type").toLowerCase(Locale.ROOT);
        List<String> rcpts = new ArrayList<>();
        for (String v : report.all("Original-Rcpt-To")) {
            rcpts.add(DsnParser.address(v));
        }
        if (rcpts.isEmpty()) {
            rcpts.addAll(Notice.addresses(mail.returnedHeaders().get("To")));
        }
        if (rcpts.isEmpty()) {
            rcpts.addAll(Notice.addresses(report.get("Removal-Recipient")));
        }
        if (rcpts.isEmpty()) {
            rcpts.add("");
        }
        String diag = mail.text().strip().lines().findFirst().orElse("");
        List<Finding> out = new ArrayList<>();
        for (String r : rcpts) {
            out.add(Finding.builder().recipient(r).reasonHint(Reason.FEEDBACK)
                    .feedbackType(type.isEmpty() ? "abuse" : type).diagnostic(diag)
                    .reportingMta(DsnParser.untype(report.get("Reporting-MTA")))
                    .remoteMta(report.get("Source-IP")).arrivalDate(report.get("Arrival-Date")).build());
        }
        return out;
    }
}
