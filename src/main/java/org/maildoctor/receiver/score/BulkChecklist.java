package org.maildoctor.receiver.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.maildoctor.auth.dmarc.DmarcEvaluation;
import org.maildoctor.auth.dmarc.DmarcResult;

/**
 * The Gmail / Yahoo (February 2024) and Microsoft Outlook.com (May 2025) bulk-sender requirements,
 * applied to this message. Each item restates a check already on the card, so it deducts nothing
 * itself (the underlying check already did); it tells the sender which provider rule is at stake.
 */
final class BulkChecklist {
    private BulkChecklist() {
    }

    static List<ScoreCheck> items(boolean bulk, List<ScoreCheck> checks, Optional<DmarcEvaluation> dmarc) {
        List<ScoreCheck> out = new ArrayList<>();
        item(out, "bulk.spf-dkim", "SPF and DKIM both pass (Gmail, Yahoo, Microsoft: required for bulk senders)",
                passes(checks, "auth.spf") && passes(checks, "auth.dkim"));
        item(out, "bulk.dmarc", "a DMARC record exists (p=none is enough) and DMARC passes with alignment "
                + "(Gmail, Yahoo, Microsoft)", dmarc.map(d -> d.result() == DmarcResult.PASS).orElse(false));
        item(out, "bulk.rdns", "the sending IP has forward-confirmed reverse DNS (Gmail, Yahoo)",
                passes(checks, "rdns.fcrdns"));
        item(out, "bulk.tls", "the message was sent over TLS (Gmail)", passes(checks, "transport.tls"));
        item(out, "bulk.rfc5322", "the message is RFC 5322 formatted: one From, Date, Message-ID (Gmail)",
                checks.stream().noneMatch(c -> c.status().isProblem() && (c.id().startsWith("header.from")
                        || c.id().startsWith("header.date") || c.id().startsWith("header.message-id"))));
        if (bulk) {
            item(out, "bulk.one-click-unsubscribe", "one-click unsubscribe: List-Unsubscribe with an https URI and "
                    + "List-Unsubscribe-Post (RFC 8058; Gmail and Yahoo for bulk mail)", checks.stream().noneMatch(c ->
                    c.status().isProblem() && (c.id().startsWith("header.list-unsubscribe") || c.id().startsWith("header.one-click"))));
        }
        return out;
    }

    private static boolean passes(List<ScoreCheck> checks, String id) {
        return checks.stream().anyMatch(c -> c.id().equals(id) && c.status() == Status.PASS);
    }

    private static void item(List<ScoreCheck> out, String id, String requirement, boolean met) {
        out.add(met ? ScoreCheck.pass(id, MessageAnalyzer.BULK, "met: " + requirement)
                : ScoreCheck.info(id, MessageAnalyzer.BULK, "not met: " + requirement + " (see the checks above)"));
    }
}
