package org.maildoctor.verify.bulk;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: quoted fields with doubled quotes and line breaks inside, CRLF, LF or
 * CR line ends, a leading byte order mark; blank lines are skipped. Hand-written (about a screen)
 * because it must bound each record: an unclosed quote must not read a 10 GB file into memory.
 */
public final class CsvRecords implements AutoCloseable {
    /** A record longer than this is refused: no sane address list has one. */
    public static final int MAX_RECORD = 1 << 20;

    private final Reader in;
    private int pushback = -2;
    private long line = 1;
    private boolean first = true;

    public CsvRecords(Reader in) {
        this.in = in;
    }

    /** The line on which the last record returned ended (for error messages). */
    public long line() {
        return line;
    }

    /** The next non-blank record, or null at the end. */
    public List<String> next() throws IOException {
        while (true) {
            List<String> r = readRecord();
            if (r == null) {
                return null;
            }
            if (!(r.size() == 1 && r.getFirst().isBlank())) {
                return r;
            }
        }
    }

    private int read() throws IOException {
        if (pushback != -2) {
            int c = pushback;
            pushback = -2;
            return c;
        }
        int c = in.read();
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                c = in.read();
            }
        }
        return c;
    }

    private List<String> readRecord() throws IOException {
        int c = read();
        if (c < 0) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        int size = 0;
        while (true) {
            if (++size > MAX_RECORD) {
                throw new BulkInputException("record at line " + line + " is longer than " + MAX_RECORD
                        + " characters (an unclosed quote?)");
            }
            if (quoted) {
                if (c < 0) {
                    throw new BulkInputException("unclosed quote in the record starting before line " + line);
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        f.append('"');
                    } else {
                        quoted = false;
                        c = d;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    f.append((char) c);
                }
            } else if (c < 0 || c == '\n' || c == '\r') {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        pushback = d;
                    }
                }
                if (c >= 0) {
                    line++;
                }
                fields.add(f.toString());
                return fields;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
            } else if (c == '"' && f.isEmpty()) {
                quoted = true;
            } else {
                f.append((char) c);
            }
            c = read();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
