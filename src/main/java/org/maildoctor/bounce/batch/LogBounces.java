package org.maildoctor.bounce.batch;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.maildoctor.bounce.BounceParser;
import org.maildoctor.bounce.BounceResult;
import org.maildoctor.bounce.ParseOutcome;

/**
 * Turns a {@link LogLine} into the same {@link BounceResult} a bounce message would give. The line is
 * written out as a minimal RFC 3464 report and read by the ordinary parser, so a log line and the
 * bounce for the same failure are classified by one set of rules, not two.
 */
public final class LogBounces {

    private final BounceParser parser;

    public LogBounces(BounceParser parser) {
        this.parser = parser;
    }

    public Optional<BounceResult> toResult(LogLine l) {
        String report = """
                From: MAILER-DAEMON
                Subject: Undelivered Mail Returned to Sender
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="log-line"

                --log-line
                Content-Type: text/plain

                Delivery to the following recipient failed permanently: %s

                --log-line
                Content-Type: message/delivery-status

                Reporting-MTA: dns; %s

                Final-Recipient: rfc822; %s
                Action: failed
                %sRemote-MTA: dns; %s
                Diagnostic-Code: smtp; %s

                --log-line--
                """.formatted(clean(l.recipient()), l.host().isEmpty() ? "localhost" : clean(l.host()), clean(l.recipient()),
                l.status().isEmpty() ? "" : "Status: " + l.status() + "\n", clean(l.remoteMta()), clean(l.diagnostic()));
        ParseOutcome o = parser.parse(report.getBytes(StandardCharsets.UTF_8));
        List<BounceResult> rs = o.results();
        if (rs.isEmpty()) {
            return Optional.empty();
        }
        BounceResult r = rs.get(0);
        return Optional.of(new BounceResult(l.recipient(), r.originalRecipient(), "failed", r.status(), r.replyCode(),
                "smtp", l.diagnostic(), l.command().isEmpty() ? r.command() : l.command(), l.host(), l.remoteMta(),
                "", l.timestamp(), r.returned(), r.reason(), r.hard(), "", l.dialect()));
    }

    /** Header fields are one line; a log line never legitimately holds a line break. */
    private static String clean(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }
}
