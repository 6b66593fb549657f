package org.maildoctor.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.maildoctor.bounce.batch.Csv;
import org.maildoctor.bounce.batch.ResultRows;

/**
 * Writes rows as they come (jsonl, csv: constant memory) or at the end (table, which needs column
 * widths and so holds its rows; use jsonl or csv for very large batches).
 */
final class BounceRowSink {
    /**
     * Rows need only a generator: Jackson's plain factory, without the command's mapper, whose modules, type factory
     * and serializers took a tenth of a second of CPU and many JIT compilations of a short run. The mapper writes
     * only a value of a type the generator has no method for (rows hold none today); made on that first use.
     */
    private static final JsonFactory ROWS = JsonFactory.builder()
            // on UTF-8 bytes, a character outside the BMP as its four bytes, as a char writer writes it (not escaped)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    /** The columns' names quoted and escaped once, not per row: the generator copies them as they are. */
    private static final SerializedString[] NAMES = ResultRows.COLUMNS.stream().map(SerializedString::new)
            .toArray(SerializedString[]::new);

    private static ObjectWriter line() {
        return Line.WRITER;
    }

    private static final class Line {
        static final ObjectWriter WRITER = Output.json().writer().without(SerializationFeature.INDENT_OUTPUT)
                .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    /** Rows are flushed at least this often, so a long batch shows its progress. */
    private static final long FLUSH_NANOS = 200_000_000L;
    private static final List<String> TABLE = List.of("file", "recipient", "status", "replyCode", "reason", "hard", "dialect");
    private static final int[] TABLE_COLUMNS = TABLE.stream().mapToInt(ResultRows.COLUMNS::indexOf).toArray();
    private final Output out;
    private final BounceCommand.Format format;
    private final List<Object[]> buffered = new ArrayList<>();
    private boolean header;
    /**
     * Rows go through a buffer of their own and one JSON generator: a flush and a new generator per row
     * (the output writer flushes on each line) took as long as finding the row.
     */
    private final PrintWriter rows;
    /**
     * JSON lines go as UTF-8 bytes straight to stdout when it writes UTF-8 anyway: the generator then makes the
     * bytes in the pass that escapes the text, where writing chars had them encoded again by the stream (a tenth of
     * a batch's main thread). Null for other outputs and formats.
     */
    private final OutputStream bytes;
    private JsonGenerator json;
    private long flushed = System.nanoTime();

    BounceRowSink(Output out, BounceCommand.Format format) {
        this.out = out;
        this.format = format;
        this.rows = new PrintWriter(new BufferedWriter(out.out(), 1 << 16));
        OutputStream stdout = format == BounceCommand.Format.jsonl ? out.utf8Stdout() : null;
        this.bytes = stdout == null ? null : new BufferedOutputStream(stdout, 1 << 16);
    }

    /** A row: its values in {@link ResultRows#COLUMNS} order. */
    void row(Object[] row) {
        switch (format) {
            case jsonl -> {
                try {
                    if (json == null) {
                        json = generator();
                    }
                    writeRow(row);
                    json.writeRaw(System.lineSeparator());
                } catch (IOException e) {
                    throw CliException.runtime("could not write JSON: " + e.getMessage(), e);
                }
            }
            case csv -> {
                if (!header) {
                    rows.println(Csv.line(ResultRows.COLUMNS));
                    header = true;
                }
                rows.println(Csv.line(java.util.Arrays.asList(row)));
            }
            case table -> buffered.add(row);
        }
        long now = System.nanoTime();
        if (now - flushed > FLUSH_NANOS) {
            flushRows();
            flushed = now;
        }
    }

    private JsonGenerator generator() throws IOException {
        JsonGenerator g;
        if (bytes != null) {
            out.out().flush(); // what was written before goes first
            g = ROWS.createGenerator(bytes, JsonEncoding.UTF8);
        } else {
            g = ROWS.createGenerator(rows);
        }
        return g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM)
                .setRootValueSeparator(null);
    }

    /**
     * The row's fields straight to the generator: what the mapper writes for a map of such values (the same
     * generator escapes them), without looking up a serializer for each value of each row.
     */
    private void writeRow(Object[] row) throws IOException {
        json.writeStartObject();
        for (int i = 0; i < row.length; i++) {
            json.writeFieldName(NAMES[i]);
            Object value = row[i];
            if (value == null) {
                json.writeNull();
            } else if (value instanceof String v) {
                json.writeString(v);
            } else if (value instanceof Boolean v) {
                json.writeBoolean(v);
            } else if (value instanceof Integer v) {
                json.writeNumber(v);
            } else if (value instanceof Long v) {
                json.writeNumber(v);
            } else {
                line().writeValue(json, value);
            }
        }
        json.writeEndObject();
    }

    /**
     * Before a warning: writes out the rows so far when rows and warnings may end up in one stream (a terminal),
     * so that it shows both in the order they came. Where they go to different files, the rows stay buffered: a
     * flush per warning was a write of its own for each of them.
     */
    void beforeWarning() {
        if (!out.apart()) {
            flushRows();
        }
    }

    /** Writes out the rows so far. */
    void flushRows() {
        if (json != null) {
            try {
                json.flush(); // into rows or bytes only (FLUSH_PASSED_TO_STREAM is off)
                if (bytes != null) {
                    bytes.flush();
                }
            } catch (IOException e) {
                throw CliException.runtime("could not write JSON: " + e.getMessage(), e);
            }
        }
        rows.flush();
    }

    void finish() {
        flushRows();
        if (format == BounceCommand.Format.table && !buffered.isEmpty()) {
            int[] w = new int[TABLE.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = TABLE.get(i).length();
                for (Object[] r : buffered) {
                    w[i] = Math.max(w[i], cell(r[TABLE_COLUMNS[i]]).length());
                }
            }
            out.out().println(line(TABLE.stream().map(s -> (Object) s).toList(), w));
            for (Object[] r : buffered) {
                List<Object> cells = new ArrayList<>(TABLE_COLUMNS.length);
                for (int c : TABLE_COLUMNS) {
                    cells.add(r[c]);
                }
                out.out().println(line(cells, w));
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
