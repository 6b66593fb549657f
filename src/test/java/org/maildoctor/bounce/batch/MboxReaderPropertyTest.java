package org.maildoctor.bounce.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** The streaming mbox reader on arbitrary input: never throws, never exceeds its bound, loses nothing. */
class MboxReaderPropertyTest {

    @Property(tries = 500)
    void arbitraryBytesGiveBoundedMessages(@ForAll @Size(max = 5000) byte[] input, @ForAll @IntRange(min = 16, max = 4096) int cap)
            throws Exception {
        long total = 0;
        for (MboxReader.Message m : MboxReaderTest.read(input, cap)) {
            assertThat(m.bytes().length).isLessThanOrEqualTo(cap);
            total += m.bytes().length;
        }
        assertThat(total).isLessThanOrEqualTo(input.length); // nothing invented: un-quoting only removes
        if (input.length <= cap && MboxReaderTest.read(input, cap).size() == 1) {
            assertThat(MboxReaderTest.read(input, cap).get(0).truncated()).isFalse();
        }
    }

    /** Without separator lines the stream is one message, byte for byte (whatever the line endings). */
    @Property(tries = 500)
    void withoutSeparatorsNothingIsLostOrChanged(@ForAll @StringLength(max = 3000) String text) throws Exception {
        String body = "Subject: x\n" + text.replace("From ", "Frum ").replace(">", "}");
        byte[] in = body.getBytes(StandardCharsets.UTF_8);
        List<MboxReader.Message> ms = MboxReaderTest.read(in, 1 << 20);
        assertThat(ms).hasSize(1);
        assertThat(ms.get(0).bytes()).isEqualTo(in);
    }

    /** A small input taken whole (from a stream or from memory) gives what reading it line by line gives: messages, bytes, cut flags. */
    @Property(tries = 2000)
    void takenWholeAsReadLineByLine(@ForAll("mboxish") String text, @ForAll @IntRange(min = 4, max = 300) int cap)
            throws Exception {
        byte[] in = text.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(describe(in, cap, true)).as(text).isEqualTo(describe(in, cap, false));
        List<String> inMemory = new java.util.ArrayList<>();
        try (MboxReader r = new MboxReader(in, cap)) {
            for (MboxReader.Message m = r.next(); m != null; m = r.next()) {
                inMemory.add(m.index() + " " + m.truncated() + " " + new String(m.bytes(), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(inMemory).as("in memory: %s", text).isEqualTo(describe(in, cap, false));
    }

    private static List<String> describe(byte[] in, int cap, boolean whole) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (MboxReader r = new MboxReader(new java.io.ByteArrayInputStream(in), cap, whole)) {
            for (MboxReader.Message m = r.next(); m != null; m = r.next()) {
                out.add(m.index() + " " + m.truncated() + " " + new String(m.bytes(), StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> mboxish() {
        return net.jqwik.api.Arbitraries.oneOf(
                net.jqwik.api.Arbitraries.of("From a@b Thu Sep 18 17:54:01 2008", "From ", "From Monday on", ">From x", "Subject: x",
                        "\n", "\r", "\r\n", " ", "\t", "x", "Frum", "F", "rom "),
                net.jqwik.api.Arbitraries.strings().withChars("Frm \n\r:x>").ofMaxLength(6))
                .list().ofMaxSize(40).map(l -> String.join("", l));
    }

    /** N well-formed messages in, N out, each exactly as written. */
    @Property(tries = 200)
    void wellFormedMessagesRoundTrip(@ForAll @Size(min = 1, max = 8) List<@StringLength(max = 300) String> bodies) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < bodies.size(); i++) {
            String b = bodies.get(i).replace("\r", "").replace("From ", "Frum ").replace(">", "}");
            all.write(("From a@b Thu Sep 18 17:54:0" + i + " 2008\nSubject: " + i + "\n\n" + b + "\n").getBytes(StandardCharsets.UTF_8));
        }
        List<MboxReader.Message> ms = MboxReaderTest.read(all.toByteArray(), 1 << 20);
        assertThat(ms).hasSize(bodies.size());
        for (int i = 0; i < ms.size(); i++) {
            assertThat(new String(ms.get(i).bytes(), StandardCharsets.UTF_8)).startsWith("From a@b Thu Sep 18 17:54:0" + i);
        }
    }

    /** The skipping search for a line starting "From " agrees with looking at every byte. */
    @Property(tries = 3000)
    void hasFromLineAsByteByByte(@ForAll("fromish") String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(MboxReader.hasFromLine(b)).as(text).isEqualTo(hasFromLineReference(b));
    }

    private static boolean hasFromLineReference(byte[] b) {
        for (int i = 0; i + 5 <= b.length; i++) {
            if (b[i] == 'F' && b[i + 1] == 'r' && b[i + 2] == 'o' && b[i + 3] == 'm' && b[i + 4] == ' '
                    && (i == 0 || b[i - 1] == '\n' || b[i - 1] == '\r')) {
                return true;
            }
        }
        return false;
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> fromish() {
        return net.jqwik.api.Arbitraries.oneOf(
                net.jqwik.api.Arbitraries.of("From ", "From", "rom ", "om ", "m ", "From  ", "FFrom ", "xFrom ", "\n", "\r",
                        "\r\n", " ", "F", "r", "o", "m", "\u00c6", "\u00ff"),
                net.jqwik.api.Arbitraries.strings().withChars("From \n\rx\u0080").ofMaxLength(7))
                .list().ofMaxSize(30).map(l -> String.join("", l));
    }
}
