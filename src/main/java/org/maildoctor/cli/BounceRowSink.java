package org.maildoctor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maildoctor.bounce.batch.Csv;
import org.maildoctor.bounce.batch.ResultRows;

/**
 * Writes rows as they come (jsonl, csv: constant memory) or at the end (table, which needs column
 * widths and so holds its rows; use jsonl or csv for very large batches).
 */
final class BounceRowSink {
    private static final ObjectWriter LINE = Output.JSON.writer().without(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> TABLE = List.of("file", "recipient", "status", "replyCode", "reason", "hard", "dialect");
    private final Output out;
    private final BounceCommand.Format format;
    private final List<Map<String, Object>> buffered = new ArrayList<>();
    private boolean header;

    BounceRowSink(Output out, BounceCommand.Format format) {
        this.out = out;
        this.format = format;
    }

    void row(Map<String, Object> row) {
        switch (format) {
            case jsonl -> {
                try {
                    out.out().println(LINE.writeValueAsString(row));
                } catch (JsonProcessingException e) {
                    throw CliException.runtime("could not write JSON: " + e.getOriginalMessage(), e);
                }
            }
            case csv -> {
                if (!header) {
                    out.out().println(Csv.line(ResultRows.COLUMNS));
                    header = true;
                }
                out.out().println(Csv.line(ResultRows.COLUMNS.stream().map(row::get).toList()));
            }
            case table -> buffered.add(row);
        }
    }

    void finish() {
        if (format == BounceCommand.Format.table && !buffered.isEmpty()) {
            int[] w = new int[TABLE.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = TABLE.get(i).length();
                for (Map<String, Object> r : buffered) {
                    w[i] = Math.max(w[i], cell(r.get(TABLE.get(i))).length());
                }
            }
            out.out().println(line(TABLE.stream().map(s -> (Object) s).toList(), w));
            for (Map<String, Object> r : buffered) {
                out.out().println(line(TABLE.stream().map(r::get).toList(), w));
            }
        }
        out.out().flush();
    }

    private static String line(List<Object> cells, int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            sb.append(String.format(Locale.ROOT, "%-" + w[i] + "s", cell(cells.get(i))));
            if (i + 1 < cells.size()) {
                sb.append("  ");
            }
        }
        return sb.toString().stripTrailing();
    }

    private static String cell(Object v) {
        return v == null ? "-" : v.toString();
    }
}
