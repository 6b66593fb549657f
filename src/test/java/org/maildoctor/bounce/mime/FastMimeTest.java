package org.maildoctor.bounce.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * {@link FastMime} must read a message exactly as Jakarta Mail does, or leave it to Jakarta Mail: the
 * decoded {@link Mail} is compared field by field with the Jakarta-only decoding over the whole bounce
 * corpus (LF, CRLF and bare-CR copies) and over generated multipart messages with the shapes and the
 * flaws the fast walk must either read right or refuse.
 */
class FastMimeTest {

    private static final Path CORPUS = Path.of("src/test/resources/corpora/bounces");

    @Test
    void sameMailAsJakartaOverTheCorpus() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(CORPUS)) {
            files = s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
        int fast = 0;
        for (Path f : files) {
            byte[] raw = Files.readAllBytes(f);
            assertSame(f.toString(), raw);
            if (FastMime.walk(MimeText.toLf(raw), new Discard()) != null) {
                fast++;
            }
        }
        System.out.printf("FastMime read %d of %d corpus messages itself%n", fast, files.size());
        assertThat(files).hasSizeGreaterThan(800);
        // every corpus message is read by the walk: one left to Jakarta Mail costs a short run Jakarta's whole start-up
        // (MimeMessage's class initialisation, its parser compiled); if this falls, the walk has stopped doing its job
        assertThat(fast).isEqualTo(files.size());
    }

    @org.junit.jupiter.api.Test
    void anEncodedDeliveryStatusIsDecodedOnBothPaths() {
        // found by the property below: Jakarta Mail leaves message/* parts encoded unless told otherwise
        String m = "From: MAILER-DAEMON@example.net\nSubject: failure\nContent-Type: multipart/report; "
                + "report-type=delivery-status;\n\tboundary=\"B\"\n\n--B\nContent-Type: message/delivery-status\n"
                + "Content-Transfer-Encoding: base64\n\nNTUwIDUuMS4xIHVzZXIgdW5rbm93bgo=\n--B--\n";
        assertSame(m, m.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMissingClosingBoundaryEndsTheLastPartAtTheEndOfItsData() {
        // truncated bounces are common: the fast walk reads them as Jakarta Mail's ignoremissingendboundary does
        String top = "From: MAILER-DAEMON@example.net\nContent-Type: multipart/report; boundary=\"B\"\n\n--B\n"
                + "Content-Type: text/plain\n\nfailed\n--B\nContent-Type: message/rfc822\n\nSubject: hi\n\nbody\n\n\n";
        String inner = "From: MAILER-DAEMON@example.net\nContent-Type: multipart/mixed; boundary=O\n\n--O\n"
                + "Content-Type: multipart/alternative; boundary=I\n\n--I\nContent-Type: text/plain\n\nplain\n\n"
                + "--I\nContent-Type: text/html\n\n<p>html</p>\n\n--O\nContent-Type: text/plain\n\nafter\n--O--\n";
        String noBlankLine = "From: x\nContent-Type: multipart/mixed; boundary=B\n\n--B\nContent-Type: text/plain\n";
        for (String m : List.of(top, inner, noBlankLine, top.strip(), inner.replace("--O--\n", ""))) {
            assertSame(m, m.getBytes(StandardCharsets.UTF_8));
            assertSame(m, m.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(FastMime.walk(top.getBytes(StandardCharsets.UTF_8), new Discard())).isNotNull();
        assertThat(FastMime.walk(inner.getBytes(StandardCharsets.UTF_8), new Discard())).isNotNull();
    }

    @Test
    void exchangesUnfoldedBoundaryLineIsReadAsJakartaMailReadsIt() {
        // Exchange Online (lhost-office365-08..12 in the corpus) writes a nested Content-Type whose boundary= sits
        // on a line of its own, unfolded: a field without a colon, and a multipart without a boundary parameter,
        // whose boundary Jakarta Mail takes from the first line that looks like one
        String m = "From: postmaster@outlook.com\nContent-Type: multipart/report; report-type=delivery-status;\n"
                + "    boundary=\"OUT\"\n\n--OUT\nContent-Type: multipart/alternative; differences=Content-Type;\n"
                + "boundary=\"IN\"\n\n--IN\nContent-Type: text/plain; charset=\"us-ascii\"\n\nexample.jp rejected your message\n"
                + "\n--IN\nContent-Type: text/html\n\n<p>rejected</p>\n\n--IN--\n\n--OUT\nContent-Type: message/delivery-status\n\n"
                + "Reporting-MTA: dns;mail.protection.outlook.com\n\nFinal-Recipient: rfc822;a@example.jp\nAction: failed\n"
                + "Status: 5.1.10\n\n--OUT--\n";
        assertThat(FastMime.walk(m.getBytes(StandardCharsets.UTF_8), new Discard())).isNotNull();
        assertSame(m, m.getBytes(StandardCharsets.UTF_8));
        String rule = m.replace("\n\n--IN\nContent-Type: text/plain", "\n\n-----\n--IN\nContent-Type: text/plain");
        assertThat(FastMime.walk(rule.getBytes(StandardCharsets.UTF_8), new Discard())).isNotNull();
        assertSame(rule, rule.getBytes(StandardCharsets.UTF_8));
        // a colon-less line naming Content-Type is a Content-Type field to Jakarta Mail (its value the line itself)
        String named = m.replace("boundary=\"IN\"\n", "boundary=\"IN\"\nContent-Type\n");
        assertThat(FastMime.walk(named.getBytes(StandardCharsets.UTF_8), new Discard())).isNull();
        assertSame(named, named.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aContentTypeOnlyJakartaMailParsesIsReadWithItsParser() {
        // a comment and an RFC 2231 charset: the walk's own parser declines them, Jakarta Mail's reads them
        String m = "From: MAILER-DAEMON@example.net\nContent-Type: multipart/report (dsn); boundary=B\n\n--B\n"
                + "Content-Type: text/plain; charset*=us-ascii''iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n"
                + "caf=C3=A9\n--B\nContent-Type: text (broken)\n\nread as text/plain\n--B--\n";
        assertThat(FastMime.walk(m.getBytes(StandardCharsets.UTF_8), new Discard())).isNotNull();
        assertSame(m, m.getBytes(StandardCharsets.UTF_8));
        assertThat(MailDecoder.decode(m.getBytes(StandardCharsets.UTF_8), true).text())
                .isEqualTo("caf\u00c3\u00a9\nread as text/plain\n");
    }

    @Test
    void aMultipartWithNoStartBoundaryIsReadAsTextAsJakartaMailLeavesIt() {
        // the corpus has five: the boundary parameter names a boundary no line has (Jakarta Mail throws)
        String m = "From: MAILER-DAEMON@example.net\nContent-Type: multipart/report; boundary=\"A\"\n\n--B\n"
                + "Content-Type: text/plain\n\n550 5.1.1 user unknown\n--B--\n";
        assertThat(FastMime.walk(m.getBytes(StandardCharsets.UTF_8), new Discard())).isNotNull();
        assertSame(m, m.getBytes(StandardCharsets.UTF_8));
        Mail mail = MailDecoder.decode(m.getBytes(StandardCharsets.UTF_8), true);
        assertThat(mail.warnings()).containsExactly("MIME structure could not be read (ParseException); reading the body as text");
        assertThat(mail.text()).contains("550 5.1.1 user unknown");
    }

    @Property(tries = 2000)
    void sameMailAsJakartaForGeneratedMessages(@ForAll("messages") String message) {
        byte[] raw = message.getBytes(StandardCharsets.UTF_8);
        Statistics.collect(FastMime.walk(MimeText.toLf(raw), new Discard()) != null ? "read by FastMime" : "left to Jakarta");
        assertSame(message, raw);
    }

    @Provide
    Arbitrary<String> messages() {
        Arbitrary<String> boundary = Arbitraries.of("B", "b-1", "==_x", "BOUNDARY", "a b");
        Arbitrary<String> quoting = Arbitraries.of("\"%s\"", "%s", " \"%s\" ", "\"%s\" ; x=y", "%s;");
        Arbitrary<String> cte = Arbitraries.of("", "Content-Transfer-Encoding: 7bit\n", "Content-Transfer-Encoding: 8BIT\n",
                "Content-Transfer-Encoding: quoted-printable\n", "Content-Transfer-Encoding: base64\n",
                "Content-Transfer-Encoding: x-uue\n", "Content-Transfer-Encoding: 7bit (plain)\n");
        Arbitrary<String> body = Arbitraries.of("550 5.1.1 user unknown\n", "caf=C3=A9 =\nsoft break\n", "trailing blank \n",
                "a=3db=\n", "x =ZZ\n", "NTUwIDUuMS4xIHVzZXIgdW5rbm93bgo=\n", "NTUw\nIDUu\n", "NTU*\n", "--B\n", "--Bx\n", "",
                "line\n\n\nmore\n", "bad=\n=\n", "tab\t\n", "pad  \nx \t \n", "=4 \n", "a=  \n", "=-1\n", "==41=\n",
                "x=4\n", "y= \n", "z=\t\n", "=4", "=", "end  ");
        Arbitrary<String> type = Arbitraries.of("text/plain", "text/plain; charset=iso-8859-1", "text/plain; charset=\"utf-8\"",
                "text/html", "message/delivery-status", "message/rfc822", "text/rfc822-headers", "image/png",
                "text/plain; charset*=utf-8''x", "text/plain (comment)", "TEXT/PLAIN; CHARSET=US-ASCII",
                "text/plain\n   charset=\"iso-2022-jp\"", "text/rfc822-headers; Content-Transfer-Encoding: 8bit",
                "text/plain; charset=a; charset=b", "message/delivery-status; charset=UTF-8;", "text/html; charset=\"utf-8",
                "multipart/alternative; boundary=\"in\"", "text", "message/rfc822 (returned)", "text/html (x); charset=utf-8",
                "text/plain; charset*=us-ascii''iso-8859-1");
        // lines without a colon in a part's header block (Exchange's unfolded "boundary=..."), a folded line after
        // one, and names with control bytes or blanks around them, which Jakarta Mail trims away
        Arbitrary<String> extra = Arbitraries.frequency(Tuple.of(12, ""), Tuple.of(1, "boundary=\"x\"\n"),
                Tuple.of(1, "no colon here\n"), Tuple.of(1, "Content-Type\n"), Tuple.of(1, " content-transfer-encoding \n"),
                Tuple.of(1, "stray\n\tfolded: value\n"), Tuple.of(1, "\u0001Content-Type: text/html\n"),
                Tuple.of(1, "X-Note: a\nbare line\n"));
        Arbitrary<String> name = Arbitraries.frequency(Tuple.of(12, "Content-Type: "), Tuple.of(1, "\u0002Content-Type: "),
                Tuple.of(1, "Content-Type\u001b: "), Tuple.of(1, "content-type : "));
        Arbitrary<String> part = Combinators.combine(name, type, extra, Arbitraries.of(true, false), cte, body,
                        Arbitraries.of("\n", "", "\n\n"))
                .as((n, t, x, before, e, b, gap) -> (before ? x + n + t + "\n" : n + t + "\n" + x) + e + gap + b);
        Arbitrary<String> end = Arbitraries.of("--%s--\n", "--%s--", "--%s-- \n", "", "--%s\n", "--%s--\nepilogue\n");
        // how the boundary is given: a folded parameter, or none, so that Jakarta Mail takes the first line that looks
        // like one (Exchange writes "boundary=" on a line of its own, which is then no parameter)
        Arbitrary<String> given = Arbitraries.frequency(Tuple.of(4, ";\n\tboundary=%s\n"),
                Tuple.of(1, "; differences=Content-Type;\nboundary=%s\n"), Tuple.of(1, "\n"));
        return Combinators.combine(boundary, quoting, part.list().ofMinSize(0).ofMaxSize(4), end,
                        Arbitraries.of("multipart/report; report-type=delivery-status", "multipart/mixed", "multipart/digest",
                                "Multipart/Alternative"),
                        Arbitraries.frequency(Tuple.of(3, ""), Tuple.of(1, "preamble\n"), Tuple.of(1, "--%s--\n"), Tuple.of(1, "\n"),
                                Tuple.of(1, "-----\n"), Tuple.of(1, "--\n"), Tuple.of(1, "---- \n"), Tuple.of(1, "--- \n--%s\n")),
                        given)
                .as((bd, q, parts, e, mp, pre, g) -> {
                    StringBuilder sb = new StringBuilder("From: MAILER-DAEMON@example.net\nSubject: failure\n")
                            .append("Content-Type: ").append(mp).append(g.formatted(q.formatted(bd))).append('\n')
                            .append(pre.formatted(bd));
                    for (String p : parts) {
                        sb.append("--").append(bd).append('\n').append(p);
                        if (!p.endsWith("\n")) {
                            sb.append('\n');
                        }
                    }
                    return sb.append(e.formatted(bd)).toString();
                });
    }

    /** Field by field, so that a failure names the field and the input. */
    private static void assertSame(String what, byte[] raw) {
        Mail fast = MailDecoder.decode(raw, true);
        Mail jakarta = MailDecoder.decode(raw, false);
        assertThat(fast.contentType()).as("contentType of %s", what).isEqualTo(jakarta.contentType());
        assertThat(fast.text()).as("text of %s", what).isEqualTo(jakarta.text());
        assertThat(fast.deliveryStatus()).as("delivery-status of %s", what).isEqualTo(jakarta.deliveryStatus());
        assertThat(fast.feedbackReport()).as("feedback report of %s", what).isEqualTo(jakarta.feedbackReport());
        assertThat(fast.returnedText()).as("returned message of %s", what).isEqualTo(jakarta.returnedText());
        assertThat(fast.warnings()).as("warnings of %s", what).isEqualTo(jakarta.warnings());
        assertThat(fast.returnedHeaders().fields()).as("returned headers of %s", what)
                .isEqualTo(jakarta.returnedHeaders().fields());
        assertThat(fast.headers().fields()).as("headers of %s", what).isEqualTo(jakarta.headers().fields());
    }

    private static final class Discard implements FastMime.Leaves {
        @Override
        public boolean wants(String type) {
            return true;
        }

        @Override
        public void leaf(String type, String charset, byte[] bytes, int off, int len, boolean lfOnly) {
        }

        @Override
        public void noStartBoundary() {
        }
    }
}
