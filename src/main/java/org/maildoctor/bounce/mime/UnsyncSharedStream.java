package org.maildoctor.bounce.mime;

import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.InputStream;

/**
 * Jakarta Mail's {@link SharedByteArrayInputStream} without the locks. Its parsers read headers, boundaries and
 * quoted-printable bodies one byte at a time, and {@code ByteArrayInputStream.read()} is {@code synchronized}: a
 * monitor enter and exit per byte was a fifth of all bounce-parsing time in a JFR profile. Each stream here is
 * used by one thread only (one message is parsed by one thread), so the locks protect nothing. Being a
 * {@code SharedInputStream}, it also lets {@code MimeMessage} and {@code MimeMultipart} slice parts out of the
 * one array instead of copying each.
 */
final class UnsyncSharedStream extends SharedByteArrayInputStream {

    UnsyncSharedStream(byte[] buf) {
        super(buf);
    }

    private UnsyncSharedStream(byte[] buf, int offset, int length) {
        super(buf, offset, length);
    }

    @Override
    public int read() {
        return pos < count ? buf[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (pos >= count) {
            return -1;
        }
        int n = Math.min(len, count - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public long skip(long n) {
        long k = Math.max(0, Math.min(n, count - pos));
        pos += (int) k;
        return k;
    }

    @Override
    public int available() {
        return count - pos;
    }

    @Override
    public void mark(int readAheadLimit) {
        mark = pos;
    }

    @Override
    public void reset() {
        pos = mark;
    }

    @Override
    public byte[] readAllBytes() {
        byte[] out = java.util.Arrays.copyOfRange(buf, pos, count);
        pos = count;
        return out;
    }

    @Override
    public InputStream newStream(long from, long end) {
        // the superclass's arithmetic, returning this class so that parts are read without locks too
        if (from < 0) {
            throw new IllegalArgumentException("start < 0");
        }
        long to = end == -1 ? count - start : end;
        return new UnsyncSharedStream(buf, start + (int) from, (int) (to - from));
    }
}
