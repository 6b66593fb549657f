package org.maildoctor.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.maildoctor.smtp.EnhancedStatus;
import org.maildoctor.smtp.Explanation;
import org.maildoctor.smtp.Provider;
import org.maildoctor.smtp.ProviderTag;
import org.maildoctor.smtp.ReplyCode;

/** The JSON shape of an explained SMTP reply, shared by {@code maildoctor explain --json} and the REST API. */
public final class ExplanationReport {
    private ExplanationReport() {
    }

    /** The document; field names are part of the CLI's and the API's contract (docs/cli-explain.md). */
    public static Map<String, Object> toMap(Explanation x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("replyCode", x.replyCode().map(ReplyCode::value).orElse(null));
        m.put("status", x.status().map(EnhancedStatus::toString).orElse(null));
        m.put("reason", x.reason().code());
        m.put("hard", x.hard());
        m.put("title", x.title());
        m.put("meaning", x.meaning());
        m.put("causes", x.causes());
        m.put("fixes", x.fixes());
        m.put("fixesForSender", x.fixesForSender());
        m.put("fixesForAdmin", x.fixesForAdmin());
        Map<String, String> notes = new LinkedHashMap<>();
        x.providerNotes().forEach((p, note) -> notes.put(p.key(), note));
        m.put("providerNotes", notes);
        m.put("provider", x.reply().provider().map(Provider::key).orElse(null));
        m.put("tags", x.reply().tags().stream().map(ProviderTag::value).toList());
        m.put("text", x.reply().text());
        m.put("matched", x.matched());
        return m;
    }

}
