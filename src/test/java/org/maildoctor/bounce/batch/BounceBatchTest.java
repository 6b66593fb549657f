package org.maildoctor.bounce.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.maildoctor.bounce.BounceParser;
import org.maildoctor.bounce.BounceResult;
import org.maildoctor.bounce.ParseOutcome;

class BounceBatchTest {

    final List<String> rows = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<String> none = new ArrayList<>();
    final BatchSummary summary = new BatchSummary();
    final BounceBatch batch = new BounceBatch(BounceParser.standard(), Duration.ofSeconds(10), new BatchListener() {
        @Override
        public void result(String source, long message, BounceResult r) {
            rows.add(source + "#" + message + " " + r.recipient() + " " + r.reason().code() + " " + r.dialect());
        }

        @Override
        public void noResult(String source, long message, ParseOutcome o) {
            none.add(source + "#" + message + " " + o.getClass().getSimpleName());
        }

        @Override
        public void warning(String source, String text) {
            warnings.add(source + ": " + text);
        }
    }, summary, Year.of(2026));

    void read(String name, String content) throws Exception {
        batch.read(name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anMboxOfABounceAndOrdinaryMail() throws Exception {
        String mbox = "From MAILER-DAEMON Sun Dec  6 01:00:00 2026\n" + BounceParserSample.DSN
                + "From friend@example.org Sun Dec  6 02:00:00 2026\nFrom: friend@example.org\nSubject: hi\n\nhello\n";
        read("box.mbox", mbox);
        assertThat(rows).containsExactly("box.mbox#1 jane@example.com userunknown RFC3464");
        assertThat(none).containsExactly("box.mbox#2 NotABounce");
        assertThat(batch.decoded()).isEqualTo(2);
        SummaryReport r = summary.report(OptionalLong.empty());
        assertThat(r.messages()).isEqualTo(2);
        assertThat(r.suppression()).singleElement().satisfies(e -> assertThat(e.date()).isEqualTo("2026-12-06T01:00:00Z"));
    }

    @Test
    void aPostfixLogGivesOneResultPerBouncedLine() throws Exception {
        String log = "Dec  6 01:42:01 mx1 postfix/smtpd[1]: connect from unknown[192.0.2.9]\n"
                + LogLineTest.POSTFIX + "\n"
                + LogLineTest.POSTFIX.replace("jane@", "joe@").replace("status=bounced", "status=sent") + "\n";
        read("mail.log", log);
        assertThat(rows).containsExactly("mail.log#2 jane@example.com userunknown PostfixLog");
        assertThat(summary.report(OptionalLong.empty()).suppression()).singleElement()
                .satisfies(e -> assertThat(e.date()).isEqualTo("2026-12-06T01:42:03Z"));
    }

    @Test
    void aJsonArrayOfEventsIsReadEventByEvent() throws Exception {
        String event = """
                {"notificationType":"Bounce","bounce":{"bounceType":"Permanent","bounceSubType":"General",
                 "bouncedRecipients":[{"emailAddress":"jane@example.com","action":"failed","status":"5.1.1",
                 "diagnosticCode":"smtp; 550 5.1.1 user unknown"}],"reportingMTA":"dns; a.example"},
                 "mail":{"messageId":"x"}}""";
        read("events.json", "[" + event + "," + event.replace("jane@", "joe@") + "]");
        assertThat(rows).containsExactly("events.json#1 jane@example.com userunknown AmazonSES",
                "events.json#2 joe@example.com userunknown AmazonSES");
    }

    @Test
    void badInputWarnsAndTheBatchGoesOn() throws Exception {
        read("empty.eml", "");
        read("broken.json", "{not json");
        batch.read("binary.bin", new ByteArrayInputStream(new byte[] {0, 1, 2, (byte) 0xff, 0, 0, 7}));
        read("bad64.eml", BounceParserSample.DSN.replace("Content-Type: message/delivery-status",
                "Content-Type: message/delivery-status\nContent-Transfer-Encoding: base64").replace("charset=us-ascii", "charset=x-nonsense"));
        read("ok.eml", BounceParserSample.DSN);
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("empty.eml: empty file"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("broken.json: undecodable"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("binary.bin: undecodable"));
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("ok.eml#1 jane@example.com"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("bad64.eml: unknown charset 'x-nonsense'"));
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("bad64.eml#1 jane@example.com"));
    }

    @Test
    void charsetNamesAreCheckedCaseInsensitivelyAndKnownOnesPass() {
        byte[] m = ("Content-Type: text/plain; CHARSET=\"ISO-2022-JP\"\nContent-Type: text/plain; charset=utf-8\n"
                + "Content-Type: text/plain; charset=x-unknown-thing\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(CharsetCheck.unknown(m)).containsExactly("x-unknown-thing");
    }

    @Test
    void aBounceOfABounceIsReadAsTheOuterBounce() throws Exception {
        String outer = """
                From: MAILER-DAEMON@relay.example
                Subject: Undelivered Mail Returned to Sender
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="OUTER"

                --OUTER
                Content-Type: text/plain

                The bounce below could not be delivered back to its sender.

                --OUTER
                Content-Type: message/rfc822

                """ + BounceParserSample.DSN + "\n--OUTER--\n";
        read("double.eml", outer);
        assertThat(warnings).noneSatisfy(w -> assertThat(w).contains("Exception"));
        assertThat(rows.size() + none.size()).isEqualTo(1);
    }
}
