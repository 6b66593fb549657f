package org.maildoctor.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.maildoctor.bounce.BounceParser;
import org.maildoctor.bounce.BounceResult;
import org.maildoctor.bounce.ParseOutcome;
import org.maildoctor.bounce.batch.BatchListener;
import org.maildoctor.bounce.batch.BatchSummary;
import org.maildoctor.bounce.batch.BounceBatch;
import org.maildoctor.bounce.batch.SummaryReport;

/**
 * Runs uploaded inputs through the bounce batch for one request: the results with their source,
 * the warnings, and the summary. Shared by the REST endpoint and the page.
 */
final class BounceBatchRun {
    /** Per message, as on the command line; a web request should not wait longer for one message. */
    static final Duration TIME_CAP = Duration.ofSeconds(10);

    record Found(String source, long message, BounceResult result) {
    }

    final List<Found> results = new ArrayList<>();
    final List<Map<String, String>> warnings = new ArrayList<>();
    final SummaryReport summary;
    final long decoded;

    private BounceBatchRun(List<Upload.Part> parts, OptionalLong sent, Clock clock) {
        BatchSummary totals = new BatchSummary();
        BatchListener listener = new BatchListener() {
            @Override
            public void result(String source, long message, BounceResult r) {
                results.add(new Found(source, message, r));
            }

            @Override
            public void noResult(String source, long message, ParseOutcome o) {
            }

            @Override
            public void warning(String source, String text) {
                Map<String, String> w = new LinkedHashMap<>();
                w.put("source", source);
                w.put("warning", text);
                warnings.add(w);
            }
        };
        {
            BounceBatch batch = new BounceBatch(BounceParser.standard(), TIME_CAP, listener, totals, Year.now(clock));
            for (Upload.Part p : parts) {
                try {
                    batch.read(p.name(), new ByteArrayInputStream(p.bytes()));
                } catch (IOException e) {
                    listener.warning(p.name(), "could not be read: " + e.getMessage()); // not for an in-memory stream
                }
            }
            decoded = batch.decoded();
        }
        summary = totals.report(sent);
    }

    static BounceBatchRun of(List<Upload.Part> parts, OptionalLong sent, Clock clock) {
        return new BounceBatchRun(parts, sent, clock);
    }
}
