package org.maildoctor.bounce.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maildoctor.bounce.Mbox;

class MboxReaderTest {

    static List<MboxReader.Message> read(byte[] data, int max) throws IOException {
        List<MboxReader.Message> out = new ArrayList<>();
        try (MboxReader r = new MboxReader(new ByteArrayInputStream(data), max)) {
            MboxReader.Message m;
            while ((m = r.next()) != null) {
                out.add(m);
            }
        }
        return out;
    }

    static List<MboxReader.Message> read(String s) throws IOException {
        return read(s.getBytes(StandardCharsets.UTF_8), 1 << 20);
    }

    @Test
    void corpusMboxesSplitLikeTheWholeFileSplitter() throws Exception {
        for (String f : List.of("mbox-0", "mbox-1")) {
            byte[] all = Files.readAllBytes(Path.of(getClass().getResource("/corpora/bounces/mbox/" + f).toURI()));
            List<byte[]> expected = Mbox.split(all);
            List<MboxReader.Message> got = read(all, 8 << 20);
            assertThat(got).as(f).hasSize(expected.size());
            for (int i = 0; i < got.size(); i++) {
                assertThat(got.get(i).bytes()).as(f + " #" + i).isEqualTo(expected.get(i));
                assertThat(got.get(i).index()).isEqualTo(i);
                assertThat(got.get(i).truncated()).isFalse();
            }
        }
    }

    @Test
    void aFromLineInsideABodyDoesNotSplit() throws Exception {
        String mbox = """
                From MAILER-DAEMON Thu Sep 18 17:54:04 2008
                Subject: one

                Hello,
                From Monday on we are closed.
                From someone Mon Jan  5 10:00:00 2009 wrote a letter
                and this line is prose, not a header.
                From MAILER-DAEMON Fri Sep 19 17:54:04 2008
                Subject: two

                body
                """;
        List<MboxReader.Message> ms = read(mbox);
        assertThat(ms).hasSize(2);
        assertThat(new String(ms.get(0).bytes(), StandardCharsets.UTF_8)).contains("From Monday on", "From someone Mon Jan");
        assertThat(new String(ms.get(1).bytes(), StandardCharsets.UTF_8)).startsWith("From MAILER-DAEMON Fri").contains("Subject: two");
    }

    @Test
    void mboxrdQuotingIsUndoneInAnMbox() throws Exception {
        String mbox = "From a@b Thu Sep 18 17:54:04 2008\nSubject: x\n\n>From here\n>>From there\n";
        String m = new String(read(mbox).get(0).bytes(), StandardCharsets.UTF_8);
        assertThat(m).contains("\nFrom here\n", "\n>From there\n");
        // a plain message (no separator) is left exactly as it is
        String eml = "Subject: x\n\n>From here\n";
        assertThat(new String(read(eml).get(0).bytes(), StandardCharsets.UTF_8)).isEqualTo(eml);
    }

    @Test
    void everyLineEndingIsHonoured() throws Exception {
        String lf = "From a@b Thu Sep 18 17:54:04 2008\nSubject: 1\n\nx\nFrom a@b Thu Sep 18 17:55:04 2008\nSubject: 2\n\ny\n";
        for (String eol : List.of("\n", "\r\n", "\r")) {
            List<MboxReader.Message> ms = read(lf.replace("\n", eol));
            assertThat(ms).as(eol.replace("\r", "CR").replace("\n", "LF")).hasSize(2);
            assertThat(new String(ms.get(1).bytes(), StandardCharsets.UTF_8)).startsWith("From a@b Thu Sep 18 17:55:04 2008" + eol);
        }
    }

    @Test
    void aMessageOverTheLimitIsCutAndFlaggedAndTheNextStillReads() throws Exception {
        String big = "From a@b Thu Sep 18 17:54:04 2008\nSubject: big\n\n" + "x".repeat(5000) + "\n"
                + "From a@b Thu Sep 18 17:55:04 2008\nSubject: small\n\nok\n";
        List<MboxReader.Message> ms = read(big.getBytes(StandardCharsets.US_ASCII), 1000);
        assertThat(ms).hasSize(2);
        assertThat(ms.get(0).truncated()).isTrue();
        assertThat(ms.get(0).bytes()).hasSizeLessThanOrEqualTo(1000);
        assertThat(ms.get(1).truncated()).isFalse();
        assertThat(new String(ms.get(1).bytes(), StandardCharsets.US_ASCII)).contains("Subject: small");
    }

    @Test
    void blankInputHoldsNoMessage() throws Exception {
        assertThat(read("")).isEmpty();
        assertThat(read("\n\n \r\n")).isEmpty();
    }

    /**
     * The structural bound: a 64 MB stream is read with a 1 MB message cap and the reader only ever
     * hands out messages of at most the cap, whatever the stream's length, and it reads the stream
     * once, in order, never seeking (the source here cannot seek or be read twice).
     */
    @Test
    void aLongStreamIsReadWithBoundedMessages() throws Exception {
        byte[] unit = ("From a@b Thu Sep 18 17:54:04 2008\nSubject: s\n\n" + "y".repeat(3000) + "\n").getBytes(StandardCharsets.US_ASCII);
        long total = 64L << 20;
        java.io.InputStream endless = new java.io.InputStream() {
            long pos;

            @Override
            public int read() {
                return pos < total ? unit[(int) (pos++ % unit.length)] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= total) {
                    return -1;
                }
                int n = (int) Math.min(len, total - pos);
                for (int i = 0; i < n; i++) {
                    b[off + i] = unit[(int) (pos++ % unit.length)];
                }
                return n;
            }
        };
        long count = 0;
        long bytes = 0;
        try (MboxReader r = new MboxReader(endless, 1 << 20)) {
            MboxReader.Message m;
            while ((m = r.next()) != null) {
                assertThat(m.bytes().length).isLessThanOrEqualTo(1 << 20);
                count++;
                bytes += m.bytes().length;
            }
        }
        assertThat(bytes).isEqualTo(total);
        assertThat(count).isEqualTo((total + unit.length - 1) / unit.length);
    }
}
