package org.maildoctor.dns;

import java.time.Duration;
import java.util.List;

/** Wording shared by the describe() methods. */
final class Text {
    private Text() {
    }

    static String via(List<DnsRecord.Cname> chain) {
        if (chain.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" (via CNAME");
        for (DnsRecord.Cname c : chain) {
            sb.append(" -> ").append(c.target());
        }
        return sb.append(')').toString();
    }

    /** {@code 2s}, {@code 1.5s}, {@code 300ms}. */
    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms % 1000 == 0) {
            return (ms / 1000) + "s";
        }
        return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
    }
}
