package org.maildoctor.verify.bulk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The end of a bulk job: rows, how many were verified in this run, how many were interrupted by a
 * run that died with their RCPT in flight ({@code unknown}/{@code interrupted}, or probed again when
 * {@code retried}), counts per verdict/reason.
 */
public record BulkSummary(long jobId, long rows, long verifiedNow, boolean resumed, long interrupted, boolean retried,
                          Path output, Map<String, Long> counts) {

    public BulkSummary {
        counts = Map.copyOf(counts);
    }

    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("job " + jobId + (resumed ? " (resumed)" : "") + ": " + rows + " rows, " + verifiedNow
                + " verified in this run" + (interrupted == 0 ? "" : retried
                ? " (" + interrupted + " interrupted by the last run were probed again)"
                : " (" + interrupted + " were in flight when the last run stopped: unknown/interrupted, not probed"
                + " again; --retry-interrupted probes them)") + "; results in " + output);
        new TreeMap<>(counts).forEach((k, v) -> out.add(String.format(java.util.Locale.ROOT, "  %-32s %d", k, v)));
        return out;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jobId", jobId);
        m.put("rows", rows);
        m.put("verifiedNow", verifiedNow);
        m.put("resumed", resumed);
        m.put("interrupted", interrupted);
        m.put("retriedInterrupted", retried);
        m.put("output", output.toString());
        m.put("counts", new TreeMap<>(counts));
        return m;
    }
}
