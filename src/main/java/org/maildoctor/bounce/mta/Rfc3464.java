package org.maildoctor.bounce.mta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.maildoctor.bounce.dsn.DeliveryStatus;
import org.maildoctor.bounce.dsn.DsnParser;
import org.maildoctor.bounce.dsn.RecipientFields;
import org.maildoctor.bounce.mime.Mail;

/**
 * RFC 3464 delivery status notifications ({@code multipart/report; report-type=delivery-status})
 * and their RFC 6533 internationalised form. Also reads DSN fields written inline into a plain-text
 * notice, which several MTAs do. Where the report has no Diagnostic-Code, the notice text around the
 * recipient supplies the server's reply.
 */
public final class Rfc3464 implements MtaDialect {

    @Override
    public String name() {
        return "RFC3464";
    }

    @Override
    public boolean matches(Mail mail) {
        return !mail.deliveryStatus().isEmpty() || mail.text().contains("Final-Recipient:")
                || mail.text().toLowerCase(Locale.ROOT).contains("final-recipient:");
    }

    @Override
    public List<Finding> decode(Mail mail) {
        List<String> bodies = new ArrayList<>(mail.deliveryStatus());
        if (bodies.isEmpty()) {
            bodies.add(mail.text());
        }
        List<Finding> out = new ArrayList<>();
        String notice = mail.text().substring(0, Notice.returnedStart(mail.text()));
        for (String body : bodies) {
            DeliveryStatus ds = DsnParser.parse(body);
            for (RecipientFields r : ds.recipients()) {
                String recipient = r.finalRecipient().isEmpty() ? r.originalRecipient() : r.finalRecipient();
                if (recipient.isEmpty()) {
                    continue;
                }
                String diag = r.diagnosticCode();
                if (diag.isBlank()) {
                    diag = FreeForm.diagnosticFor(notice, recipient);
                }
                String command = Notice.command(diag);
                if (command.isEmpty()) {
                    command = Notice.command(FreeForm.segmentFor(notice, recipient));
                }
                out.add(Finding.builder().recipient(recipient).originalRecipient(r.originalRecipient())
                        .action(r.action()).status(r.status()).remoteMta(r.remoteMta())
                        .diagnosticType(r.diagnosticType()).diagnostic(diag).command(command)
                        .reportingMta(ds.reportingMta()).arrivalDate(ds.arrivalDate())
                        .lastAttemptDate(r.lastAttemptDate()).build());
            }
        }
        return out;
    }
}
