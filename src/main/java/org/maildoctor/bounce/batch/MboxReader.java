package org.maildoctor.bounce.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.maildoctor.text.Bytes;

/**
 * Streams the messages of an mbox (RFC 4155) one at a time with bounded memory: at most one message
 * (cut at {@code maxMessageBytes}) and one line are held, whatever the size of the file. A file with
 * no separator is one message, so a plain .eml reads the same way.
 *
 * <p>Written by hand rather than with a mail-store library because none streams an mbox from an
 * {@code InputStream} with a hard memory bound and all three line endings (LF, CRLF, bare CR).
 *
 * <p>A {@code From } line splits only when it is shaped like a separator ({@code From sender
 * asctime-date}) and the next line is a header field: mboxo writers leave body lines such as
 * "From Monday on ..." unquoted, and one that even carries a date is followed by prose, not a
 * header. In a file that starts with a separator, mboxrd quoting ({@code >From}) is undone.
 */
public final class MboxReader implements AutoCloseable {

    /** One message: its position in the file (0-based), its bytes, and whether it was cut. */
    public record Message(long index, byte[] bytes, boolean truncated) {
    }

    private static final Pattern SEPARATOR = Pattern.compile(
            "From \\S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \\d]\\d \\d\\d:\\d\\d(?::\\d\\d)? .*");
    private static final Pattern HEADER = Pattern.compile("[!-9;-~]+:.*", Pattern.DOTALL);
    private static final int SEPARATOR_MAX = 1000;

    /** Inputs up to this size with no line starting "From " are one message, taken whole (most are one bounce). */
    private static final int WHOLE = 64 * 1024;

    private InputStream in;
    private boolean started;
    private boolean done;
    private final int maxMessageBytes;
    /** The input when it was given in memory, until the first {@link #next}; else null. */
    private byte[] all;
    // the buffers below are for line-by-line reading, allocated only when an input needs it
    private byte[] buf;
    private int pos;
    private int lim;
    private boolean eof;

    private ByteRun line;
    private boolean lineCut;
    private ByteRun message;
    private boolean messageCut;
    private boolean messageHasContent;
    private byte[] candidate;
    private boolean mbox;
    private long index;

    public MboxReader(InputStream in, int maxMessageBytes) {
        this(in, maxMessageBytes, true);
    }

    /** {@code whole}: false reads even a small input line by line (tests compare the two). */
    MboxReader(InputStream in, int maxMessageBytes, boolean whole) {
        this.in = in;
        this.maxMessageBytes = maxMessageBytes;
        this.started = !whole;
    }

    /**
     * The messages of an input already in memory. A small one without a "From " line is its one message, given
     * as this very array (not copied; nothing writes to it); any other is read line by line as from a stream.
     */
    public MboxReader(byte[] all, int maxMessageBytes) {
        this(new java.io.ByteArrayInputStream(all), maxMessageBytes, true);
        this.all = all;
    }

    /** The next message, or null at the end of the input. */
    public Message next() throws IOException {
        if (done) {
            return null;
        }
        if (!started) {
            started = true;
            // what the line-by-line reading below gives for such an input, without looking at each byte
            int limit = Math.min(WHOLE, maxMessageBytes);
            boolean inMemory = all != null && all.length <= limit;
            byte[] head = inMemory ? all : in.readNBytes(limit + 1);
            all = null;
            if (head.length <= limit && !hasFromLine(head)) {
                done = true;
                return hasContent(head) ? new Message(index++, head, false) : null;
            }
            if (!inMemory) { // else the stream still holds all of it
                in = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), in);
            }
        }
        if (buf == null) {
            buf = new byte[16 * 1024];
            line = new ByteRun();
            message = new ByteRun();
        }
        while (readLine()) {
            Message done = accept();
            if (done != null) {
                return done;
            }
        }
        if (candidate != null) {
            append(candidate, candidate.length);
            candidate = null;
        }
        return emit();
    }

    private Message accept() {
        if (candidate != null) {
            byte[] sep = candidate;
            candidate = null;
            if (isHeader()) {
                Message done = emit();
                append(sep, sep.length);
                append(line.data, line.length);
                return done;
            }
            append(sep, sep.length);
        } else if (isSeparator()) {
            if (!messageHasContent) {
                mbox = true;
                append(line.data, line.length);
            } else {
                candidate = Arrays.copyOf(line.data, line.length);
            }
            return null;
        }
        if (mbox && isQuotedFrom()) {
            append(Arrays.copyOfRange(line.data, 1, line.length), line.length - 1); // mboxrd: one '>' less
        } else {
            append(line.data, line.length);
        }
        return null;
    }

    private static final byte[] FROM = "From ".getBytes(StandardCharsets.ISO_8859_1);

    /** Whether a line starts with "From " (at offset 0 or after LF or CR). */
    static boolean hasFromLine(byte[] b) {
        for (int at = Bytes.indexOf(b, FROM, 0, b.length); at >= 0; at = Bytes.indexOf(b, FROM, at + 1, b.length)) {
            if (at == 0 || b[at - 1] == '\n' || b[at - 1] == '\r') {
                return true;
            }
        }
        return false;
    }

    /** What {@link #append} counts as content: anything but line ends and spaces. */
    private static boolean hasContent(byte[] b) {
        for (byte x : b) {
            if (x != '\n' && x != '\r' && x != ' ') {
                return true;
            }
        }
        return false;
    }

    private Message emit() {
        if (!messageHasContent) {
            message.length = 0;
            messageCut = false;
            return null;
        }
        Message m = new Message(index++, Arrays.copyOf(message.data, message.length), messageCut);
        message.length = 0;
        messageCut = false;
        messageHasContent = false;
        return m;
    }

    private void append(byte[] b, int n) {
        for (int i = 0; i < n && !messageHasContent; i++) {
            messageHasContent = b[i] != '\n' && b[i] != '\r' && b[i] != ' ';
        }
        int room = maxMessageBytes - message.length;
        if (n > room || lineCut) {
            messageCut = true;
        }
        message.add(b, 0, Math.min(n, Math.max(room, 0)));
    }

    private boolean isSeparator() {
        int n = contentLength();
        byte[] d = line.data;
        if (n < 10 || n > SEPARATOR_MAX || d[0] != 'F' || d[1] != 'r' || d[2] != 'o' || d[3] != 'm' || d[4] != ' ') {
            return false;
        }
        return SEPARATOR.matcher(new String(d, 0, n, StandardCharsets.ISO_8859_1)).matches();
    }

    private boolean isHeader() {
        int n = Math.min(contentLength(), 200);
        return HEADER.matcher(new String(line.data, 0, n, StandardCharsets.ISO_8859_1)).matches();
    }

    private boolean isQuotedFrom() {
        int i = 0;
        while (i < line.length && line.data[i] == '>') {
            i++;
        }
        return i > 0 && line.length - i >= 5 && line.data[i] == 'F' && line.data[i + 1] == 'r'
                && line.data[i + 2] == 'o' && line.data[i + 3] == 'm' && line.data[i + 4] == ' ';
    }

    private int contentLength() {
        int n = line.length;
        while (n > 0 && (line.data[n - 1] == '\n' || line.data[n - 1] == '\r')) {
            n--;
        }
        return n;
    }

    /** Reads one line with its ending (LF, CRLF or bare CR); keeps at most maxMessageBytes of it. */
    private boolean readLine() throws IOException {
        line.length = 0;
        lineCut = false;
        boolean any = false;
        while (true) {
            if (pos == lim && !fill()) {
                return any;
            }
            any = true;
            // the rest of the line in the buffer in one copy, not byte by byte
            int end = Bytes.indexOfEither(buf, (byte) '\n', (byte) '\r', pos, lim);
            int stop = end < 0 ? lim : end + 1;
            addToLine(buf, pos, stop - pos);
            pos = stop;
            if (end < 0) {
                continue;
            }
            if (buf[end] == '\r') {
                if (pos == lim && !fill()) {
                    return true;
                }
                if (buf[pos] == '\n') {
                    addToLine(buf, pos++, 1);
                }
            }
            return true;
        }
    }

    private void addToLine(byte[] b, int off, int n) {
        int keep = Math.min(n, maxMessageBytes - line.length);
        if (keep > 0) {
            line.add(b, off, keep);
        }
        if (keep < n) {
            lineCut = true;
        }
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = n < 0;
            if (n == 0) {
                int one = in.read();
                if (one < 0) {
                    eof = true;
                    return false;
                }
                buf[0] = (byte) one;
                pos = 0;
                lim = 1;
                return true;
            }
            return false;
        }
        pos = 0;
        lim = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A growable byte array; the backing array is reused across lines and messages. */
    private static final class ByteRun {
        byte[] data = new byte[256];
        int length;

        void add(byte[] b, int off, int n) {
            if (n <= 0) {
                return;
            }
            if (length + n > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, length + n));
            }
            System.arraycopy(b, off, data, length, n);
            length += n;
        }
    }
}
