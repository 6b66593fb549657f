package org.maildoctor.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maildoctor.smtp.SmtpReply;
import org.maildoctor.verify.Flag;
import org.maildoctor.verify.Verification;

/**
 * The JSON object of one verified address ({@code maildoctor verify --json}, {@code POST /api/v1/verifications},
 * the jobs API); schema in docs/cli-verify.md. Absent values are {@code null}, never missing keys.
 */
public final class VerificationJson {
    private VerificationJson() {
    }

    public static Map<String, Object> toMap(Verification v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", v.address());
        m.put("normalized", v.normalized().orElse(null));
        m.put("verdict", v.verdict().code());
        m.put("reason", v.reason().code());
        m.put("subReason", v.subReason().orElse(null));
        m.put("explanation", v.reason().summary());
        m.put("flags", v.flags().stream().map(Flag::code).toList());
        m.put("suggestion", v.suggestion().orElse(null));
        m.put("mx", v.mx().orElse(null));
        m.put("smtp", v.smtp().map(VerificationJson::reply).orElse(null));
        if (!v.transcript().isEmpty()) {
            m.put("transcript", v.transcript());
        }
        return m;
    }

    public static Map<String, Object> reply(SmtpReply r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("replyCode", r.replyCode().map(c -> c.value()).orElse(null));
        m.put("status", r.status().map(Object::toString).orElse(null));
        m.put("text", r.text());
        return m;
    }

    public static List<Map<String, Object>> toList(List<Verification> vs) {
        return vs.stream().map(VerificationJson::toMap).toList();
    }
}
