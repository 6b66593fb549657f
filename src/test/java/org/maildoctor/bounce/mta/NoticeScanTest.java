package org.maildoctor.bounce.mta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The hand-written scanners of the notice readers against the regexes they stand for: {@link ReplyLine}
 * (every match: start, end, code digit) and {@link Notice#returnedStart}, on generated text built from
 * the pieces that decide a match (codes, separators, line ends of every kind, word characters after a
 * status) and on every file of the bounce corpus.
 */
class NoticeScanTest {

    private static List<String> byRegex(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = ReplyLine.REGEX.matcher(text);
        while (m.find()) {
            String g = m.group();
            char digit = g.chars().filter(c -> c == '2' || c == '4' || c == '5').mapToObj(c -> (char) c).findFirst().orElseThrow();
            out.add(m.start() + "-" + m.end() + ":" + digit);
        }
        return out;
    }

    private static List<String> byScanner(String text) {
        List<String> out = new ArrayList<>();
        ReplyLine r = new ReplyLine(text);
        while (r.find()) {
            out.add(r.start + "-" + r.end + ":" + r.digit);
        }
        return out;
    }

    @Property(tries = 5000)
    void replyLinesAsTheRegexFindsThem(@ForAll("replyish") String text) {
        assertThat(byScanner(text)).as(text).isEqualTo(byRegex(text));
    }

    @Property(tries = 5000)
    void returnedStartAsTheRegexFindsIt(@ForAll("noticeish") String text) {
        assertThat(Notice.returnedStart(text)).as(text).isEqualTo(Notice.returnedStartByRegex(text));
    }

    /** Anchored patterns shaped like the dialects' (white space across lines, {@code .*}, {@code $}). */
    private static final List<java.util.regex.Pattern> ANCHORED = List.of(
            java.util.regex.Pattern.compile("^(?:The following address\\(es\\) failed:|\\s*address\\(es\\) failed:"
                    + "|.*following address\\(es\\) failed:|.*could not be delivered to (?:one or more|all) of its\\s*$|failed:\\s*$)",
                    java.util.regex.Pattern.MULTILINE | java.util.regex.Pattern.CASE_INSENSITIVE),
            java.util.regex.Pattern.compile("^--- Below (?:this|the next) line is a copy|^Original message follows",
                    java.util.regex.Pattern.MULTILINE));

    @Property(tries = 3000)
    void anchoredPatternsAsFindFindsThem(@ForAll("anchoredish") String text, @ForAll("offsets") int offset) {
        int from = Math.min(offset, text.length());
        for (java.util.regex.Pattern p : ANCHORED) {
            Matcher plain = p.matcher(text);
            Matcher fast = Notice.findAtLineStarts(p, text, from);
            if (plain.find(from)) {
                assertThat(fast).as(text).isNotNull();
                assertThat(fast.start() + "-" + fast.end()).as(text).isEqualTo(plain.start() + "-" + plain.end());
            } else {
                assertThat(fast).as(text).isNull();
            }
        }
    }

    /** The Exim start search: from the first literal's earliest line start, the same match as find from 0. */
    @Property(tries = 3000)
    void searchFromTheFirstLiteralFindsWhatFindFinds(@ForAll("anchoredish") String text) {
        java.util.regex.Pattern p = ANCHORED.getFirst();
        int first = -1;
        for (String l : List.of("failed:", "could not be delivered to ")) {
            int at = org.maildoctor.smtp.WordingPattern.indexOfLowered(text, l);
            first = at >= 0 && (first < 0 || at < first) ? at : first;
        }
        Matcher plain = p.matcher(text);
        String expected = plain.find() ? plain.start() + "-" + plain.end() : "none";
        Matcher fast = first < 0 ? null : Notice.findAtLineStarts(p, text, Notice.earliestLineStart(text, first));
        assertThat(fast == null ? "none" : fast.start() + "-" + fast.end()).as(text).isEqualTo(expected);
    }

    @Test
    void aCarriageReturnStartsALineForTheAnchor() {
        String text = "abc\r  \naddress(es) failed:";
        Matcher fast = Notice.findAtLineStarts(ANCHORED.getFirst(), text, Notice.earliestLineStart(text, text.indexOf("failed:")));
        assertThat(fast.start()).isEqualTo(4);
    }

    @Provide
    Arbitrary<String> anchoredish() {
        return Arbitraries.oneOf(
                Arbitraries.of("The following address(es) failed:", "address(es) failed:", "  ", "x following address(es) failed:",
                        "could not be delivered to all of its", "could not be delivered to one or more of its ", "failed:",
                        "--- Below this line is a copy", "--- Below the next line is a copy", "Original message follows",
                        "\n", "\r", "\r\n", "\u2028", "\t", "x", "FAILED:", "--- ", "?", "\u00e9", "\uD83D\uDE00", "\u0085"),
                Arbitraries.strings().withChars("ab \n:").ofMaxLength(4))
                .list().ofMaxSize(12).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.integers().between(0, 40);
    }

    @Test
    void sameOnEveryCorpusFile() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/corpora/bounces"))) {
            int n = 0;
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(byScanner(text)).as(f.toString()).isEqualTo(byRegex(text));
                assertThat(Notice.returnedStart(text)).as(f.toString()).isEqualTo(Notice.returnedStartByRegex(text));
                n++;
            }
            assertThat(n).isGreaterThan(800);
        }
    }

    @Test
    void examples() {
        // the status right after a matched reply code lost its separator to that match; "(451)" has none after it
        String transcript = "Out: 250 2.1.0 Ok\nIn: 550-5.1.1 no\n(451) x";
        assertThat(byScanner(transcript)).containsExactly("4-9:2", "21-26:5").isEqualTo(byRegex(transcript));
        // a status ends at a word boundary (ASCII word characters only), a code's run has at most 3 digits
        String statuses = "5.1.1a 5.1.1_ 5.1.1é 5.1.1234 5.1234.1 550\r\n";
        assertThat(byScanner(statuses)).containsExactly("13-19:5", "38-42:5").isEqualTo(byRegex(statuses));
        assertThat(Notice.returnedStart("notice\n\n   --- Original message ---\nFrom: x")).isEqualTo(7);
    }

    @Provide
    Arbitrary<String> replyish() {
        return Arbitraries.oneOf(
                Arbitraries.of("550", "250", "451", "5.1.1", "2.0.0", "4.7.28", "5.1.1234", "5.1234.1", "554-", "421 ",
                        " ", "-", ".", ":", ";", "'", "\"", "(", "<", "[", "#", "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029",
                        "\t", "\u000B", "\f", "a", "_", "é", "Z", "0", "9", "1", "x550", "5.", "2.1.", "Out: "),
                Arbitraries.strings().withChars("2450.- \n:x").ofMaxLength(5))
                .list().ofMaxSize(30).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> noticeish() {
        return Arbitraries.oneOf(
                Arbitraries.of("--- Original message ---", "----- Original Message -----", "=== Returned mail",
                        "-- Returned Mail", "Message headers follow", "MESSAGE HEADERS FOLLOW", "Original message follows",
                        "The original message was:", "the original MESSAGE was:", "--- Below this line is a copy",
                        "------ This is a copy of the message", "   ---Original message---", "Undelivered message",
                        "-", "=", "--", " ", "\t", "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\u000B", "\f",
                        "text", "Message", "Original", "The", "M", "O", "T", "x", "?", "\u00e9", "\uD83D\uDE00"),
                Arbitraries.strings().withChars("-= \nMOTmot").ofMaxLength(6))
                .list().ofMaxSize(25).map(l -> String.join("", l));
    }
}
