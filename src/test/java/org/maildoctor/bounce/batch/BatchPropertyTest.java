package org.maildoctor.bounce.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.maildoctor.bounce.BounceParser;
import org.maildoctor.bounce.BounceResult;
import org.maildoctor.bounce.ParseOutcome;

/**
 * Issue 3 part 6 at the batch level: whatever the bytes (arbitrary, truncated MIME, missing
 * boundaries, 5 MB lines, log lines with junk), a batch gives results or per-message warnings,
 * never an exception and never a hang (every message is parsed under the batch's time cap).
 */
class BatchPropertyTest {

    /** Reads the bytes as a batch source; returns results and warnings, failing on any exception. */
    static List<String> batch(byte[] input) throws Exception {
        List<String> seen = new ArrayList<>();
        BatchSummary summary = new BatchSummary();
        BounceBatch b = new BounceBatch(BounceParser.standard(), Duration.ofSeconds(20), new BatchListener() {
            @Override
            public void result(String source, long message, BounceResult r) {
                assertThat(r.reason()).isNotNull();
                seen.add("result " + r.recipient());
            }

            @Override
            public void noResult(String source, long message, ParseOutcome o) {
                seen.add("none " + o.getClass().getSimpleName());
            }

            @Override
            public void warning(String source, String text) {
                assertThat(text).doesNotContain("at org.").isNotBlank();
                seen.add("warning " + text);
            }
        }, summary, Year.of(2026));
        long start = System.nanoTime();
        b.read("input", new ByteArrayInputStream(input));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
        assertThat(summary.report(java.util.OptionalLong.of(1)).messages()).isGreaterThanOrEqualTo(0);
        return seen;
    }

    @Property(tries = 300)
    void arbitraryBytes(@ForAll @Size(max = 3000) byte[] input) throws Exception {
        assertThat(batch(input)).isNotEmpty();
    }

    @Property(tries = 200)
    void truncatedMimeInAnMbox(@ForAll @IntRange(min = 0, max = 1600) int cut, @ForAll @IntRange(min = 1, max = 3) int copies)
            throws Exception {
        String one = "From MAILER-DAEMON Sun Dec  6 01:00:00 2026\n" + BounceParserSample.DSN.substring(0, Math.min(cut, BounceParserSample.DSN.length()));
        batch((one + "\n").repeat(copies).getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 150)
    void mangledStructure(@ForAll("mangled") String input) throws Exception {
        batch(input.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> mangled() {
        String d = BounceParserSample.DSN;
        return Arbitraries.of(
                d.replace("boundary=\"BOUNDARY\"", ""),
                d.replace("--BOUNDARY--", ""),
                d.replace("--BOUNDARY\n", "--ELSEWHERE\n"),
                d.replace("Content-Type: message/delivery-status", "Content-Type: message/delivery-status\nContent-Transfer-Encoding: base64"),
                d.replace("charset=us-ascii", "charset=x-unknown-8bit-thing"),
                d.replace("\n", "\r"),
                "[" + d + "]",
                "{\"notificationType\":\"Bounce\",\"bounce\":{\"bouncedRecipients\":[{}]}}",
                "[{\"event\":\"bounce\"}, 1, null, \"x\"]",
                LogLineTest.POSTFIX + "\n" + LogLineTest.POSTFIX.substring(0, 120) + "\n",
                LogLineTest.EXIM.replace("H=", "H=[") + "\n")
                .flatMap(base -> Arbitraries.strings().ofMaxLength(40).flatMap(junk ->
                        Arbitraries.integers().between(0, base.length()).map(at -> base.substring(0, at) + junk + base.substring(at))));
    }

    @Property(tries = 500)
    void logLinesWithJunkNeverThrow(@ForAll @IntRange(min = 0, max = 400) int at, @ForAll String junk) {
        String base = at % 2 == 0 ? LogLineTest.POSTFIX : LogLineTest.EXIM;
        int i = Math.min(at, base.length());
        LogLine.parse(base.substring(0, i) + junk + base.substring(i)).ifPresent(l -> assertThat(l.recipient()).isNotNull());
    }

    @Example
    void fiveMegabyteHeaderLines() throws Exception {
        String huge = "x".repeat(5 * 1024 * 1024);
        String subject = BounceParserSample.DSN.replace("Subject: Undelivered Mail Returned to Sender", "Subject: " + huge);
        assertThat(batch(subject.getBytes(StandardCharsets.UTF_8))).anySatisfy(s -> assertThat(s).startsWith("result jane@example.com"));
        String diag = BounceParserSample.DSN.replace("User unknown\n", "User unknown " + huge + "\n");
        assertThat(batch(diag.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
        String addresses = BounceParserSample.DSN.replace("Final-Recipient: rfc822; jane@example.com",
                "Final-Recipient: rfc822; " + "a".repeat(5 * 1024 * 1024) + "@example.com");
        assertThat(batch(addresses.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }

    @Example
    void aFiveMegabyteLogLineIsSkipped() throws Exception {
        String log = LogLineTest.POSTFIX + "\n" + "Dec  6 01:42:03 mx1 postfix/smtp[1]: " + "y".repeat(5 * 1024 * 1024)
                + " status=bounced (x)\n" + LogLineTest.POSTFIX.replace("jane@", "joe@") + "\n";
        assertThat(batch(log.getBytes(StandardCharsets.UTF_8))).containsExactly("result jane@example.com", "result joe@example.com");
    }
}
