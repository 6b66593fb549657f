package org.maildoctor.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.maildoctor.warmup.account.ConnectionReport;
import org.maildoctor.warmup.account.ConnectionStep;

/** One server of a warm-up connection test as the accounts page shows it, everything already text. */
public record ConnectionCheckRow(String protocol, String server, String passed, String failedStep, String reason,
                                 String folders) {

    static List<ConnectionCheckRow> of(ConnectionReport report) {
        List<ConnectionCheckRow> rows = new ArrayList<>();
        for (ConnectionReport.ServerCheck c : List.of(report.smtp(), report.imap())) {
            rows.add(new ConnectionCheckRow(c.protocol().toUpperCase(Locale.ROOT), c.endpoint().toString(),
                    String.join(", ", c.passed().stream().map(ConnectionStep::code).toList()),
                    c.failure().map(f -> f.step().code()).orElse(null),
                    c.failure().map(ConnectionReport.Failure::reason).orElse(null), String.join(", ", c.folders())));
        }
        return rows;
    }
}
