package org.maildoctor.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Any bytes give a result, "not a bounce" or "undecodable"; never an exception, never a hang
 * (DESIGN.md example 17; issue 3 part 6).
 */
class BounceParserPropertyTest {

    static final String DSN = """
            From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
            To: sender@example.org
            Subject: Undelivered Mail Returned to Sender
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="BOUNDARY"

            --BOUNDARY
            Content-Type: text/plain; charset=us-ascii

            <jane@example.com>: host mx.example.com[192.0.2.1] said: 550 5.1.1 <jane@example.com>:
                Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command)

            --BOUNDARY
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.net
            Arrival-Date: Thu, 29 Apr 2010 23:34:45 +0900 (JST)

            Final-Recipient: rfc822; jane@example.com
            Original-Recipient: rfc822;jane@example.com
            Action: failed
            Status: 5.1.1
            Remote-MTA: dns; mx.example.com
            Diagnostic-Code: smtp; 550 5.1.1 <jane@example.com>: Recipient address rejected: User unknown

            --BOUNDARY
            Content-Type: message/rfc822

            From: sender@example.org
            To: jane@example.com
            Subject: hello
            Message-ID: <1@example.org>

            body
            --BOUNDARY--
            """;

    @Property(tries = 1000)
    void arbitraryBytesNeverThrow(@ForAll @Size(max = 2000) byte[] input) {
        check(input);
    }

    @Property(tries = 500)
    void truncatedMimeNeverThrows(@ForAll @IntRange(min = 0, max = 2000) int cut) {
        byte[] all = DSN.getBytes(StandardCharsets.UTF_8);
        byte[] part = java.util.Arrays.copyOf(all, Math.min(cut, all.length));
        check(part);
    }

    @Property(tries = 300)
    void brokenStructureNeverThrows(@ForAll("mangled") String input) {
        check(input.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> mangled() {
        Arbitrary<String> edits = Arbitraries.of(
                DSN.replace("boundary=\"BOUNDARY\"", ""),                  // missing boundary parameter
                DSN.replace("--BOUNDARY--", ""),                           // missing closing boundary
                DSN.replace("--BOUNDARY\n", "--OTHER\n"),                  // wrong boundary
                DSN.replace("Content-Type: message/delivery-status", "Content-Type: message/delivery-status\nContent-Transfer-Encoding: base64"),
                DSN.replace("charset=us-ascii", "charset=x-unknown-charset"),
                DSN.replace("\n", "\r"),
                DSN.replace("Final-Recipient: rfc822; jane@example.com", "Final-Recipient: =?utf-8?B?broken"),
                "Subject: " + "x".repeat(200_000) + "\n\nbody");
        Arbitrary<Integer> noise = Arbitraries.integers().between(0, 40);
        return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30).flatMap(junk ->
                edits.flatMap(e -> noise.map(n -> {
                    int at = Math.min(e.length(), n * 37);
                    return e.substring(0, at) + junk + e.substring(at);
                })));
    }

    private static void check(byte[] input) {
        long start = System.nanoTime();
        ParseOutcome o = BounceParser.standard().parse(input);
        assertThat(o).isNotNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        if (o instanceof ParseOutcome.Bounces b) {
            assertThat(b.results()).isNotEmpty();
            b.results().forEach(r -> assertThat(r.reason()).isNotNull());
        }
        assertThat(BounceParser.standard().parseAll(input)).isNotEmpty();
    }
}
