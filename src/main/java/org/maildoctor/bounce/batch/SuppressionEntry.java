package org.maildoctor.bounce.batch;

import java.util.List;

/** One hard-bounced address to stop sending to, with the evidence (the last bounce seen for it). */
public record SuppressionEntry(String email, String reason, String status, String diagnostic, String date, String file) {

    public static final List<String> CSV_COLUMNS = List.of("email", "reason", "status", "diagnostic", "date", "file");

    public List<String> cells() {
        return List.of(email, reason, status, diagnostic, date, file);
    }
}
