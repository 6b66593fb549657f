package org.maildoctor.bounce.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The hand-written scanners in {@link MimeText} against what they replaced: {@code htmlToText} against the
 * regular expressions it was written with, {@code toLf} against the byte-at-a-time loop, and
 * {@code decodeWords} against Jakarta Mail's {@code MimeUtility.decodeText}.
 */
class MimeTextTest {

    /** The ASCII shortcut of {@link MimeText#decode} gives what the charset's decoder gives, for every charset it takes. */
    @Property(tries = 2000)
    void decodeAsTheCharsetDecodes(@ForAll("asciiOrNot") byte[] bytes,
            @ForAll("charsetNames") String name) {
        java.nio.charset.Charset cs = MimeText.charset(name);
        String expected;
        if (cs != null) {
            expected = new String(bytes, cs);
        } else {
            String utf8 = new String(bytes, StandardCharsets.UTF_8);
            expected = utf8.indexOf('\uFFFD') >= 0 ? new String(bytes, StandardCharsets.ISO_8859_1) : utf8;
        }
        assertThat(MimeText.decode(bytes, name)).as("%s in %s", java.util.Arrays.toString(bytes), name).isEqualTo(expected);
    }

    @Provide
    Arbitrary<byte[]> asciiOrNot() {
        return Arbitraries.oneOf(Arbitraries.bytes().between((byte) 0, (byte) 127).array(byte[].class).ofMaxSize(40),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40));
    }

    @Provide
    Arbitrary<String> charsetNames() {
        return Arbitraries.of("UTF-8", "utf-8", "us-ascii", "ISO-8859-1", "iso-8859-2", "iso-8859-15", "windows-1252",
                "windows-1251", "koi8-r", "iso-2022-jp", "utf-16", "utf-7", "shift_jis", "gb2312", "no-such-charset", "");
    }

    @Property(tries = 3000)
    void decodeWordsAsJakartaMail(@ForAll("encodedHeaders") String value) {
        String expected;
        try {
            expected = jakarta.mail.internet.MimeUtility.decodeText(value);
        } catch (Exception e) {
            expected = value;
        }
        assertThat(MimeText.decodeWords(value)).as(value).isEqualTo(expected);
    }

    @Test
    void decodeWordsAsJakartaMailOverTheCorpusHeaders() throws IOException {
        int encoded = 0;
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources/corpora/bounces"))) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".eml")).sorted().toList()) {
                for (String line : new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).split("\n")) {
                    if (line.contains("=?")) {
                        encoded++;
                        decodeWordsAsJakartaMail(line.substring(line.indexOf(':') + 1));
                    }
                }
            }
        }
        assertThat(encoded).isGreaterThan(100);
    }

    @Provide
    Arbitrary<String> encodedHeaders() {
        Arbitrary<String> token = Arbitraries.of("=?UTF-8?B?w6k=?=", "=?iso-8859-1?Q?caf=E9?=", "=?utf-8?q?a_b?=", "=?x?",
                "=?UTF-8?B?***?=", "=?unknown-charset?Q?x?=", "=?UTF-8?Q?", "?=", "=?", "<a@b.example>", "\"Name\"", " ", "\t",
                "\r\n ", "\n", "  ", "plain", "=?UTF-8?B?w6k=?=x", "x=?UTF-8?B?w6k=?=", ",", "=?utf-8?X?abc?=");
        return token.list().ofMinSize(1).ofMaxSize(12).map(l -> String.join("", l)).filter(v -> v.contains("=?"));
    }

    private static final Pattern TAG = Pattern.compile("(?is)<(script|style)[^>]*>.*?</\\1>|<br\\s*/?>|</?(p|div|tr|li|h\\d)[^>]*>|<[^>]+>");
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t]+\n");
    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

    /** The regex version {@link MimeText#htmlToText} replaced, kept as the reference. */
    static String htmlToTextByRegex(String html) {
        String t = TAG.matcher(html).replaceAll("\n");
        t = t.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return BLANK_LINES.matcher(TRAILING_SPACE.matcher(t).replaceAll("\n")).replaceAll("\n\n");
    }

    /** The byte-at-a-time version {@link MimeText#toLf} replaced. */
    static byte[] toLfByBytes(byte[] raw) {
        byte[] out = new byte[raw.length];
        int n = 0;
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '\r') {
                out[n++] = '\n';
                if (i + 1 < raw.length && raw[i + 1] == '\n') {
                    i++;
                }
            } else {
                out[n++] = b;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    @Property(tries = 3000)
    void htmlToTextIsTheRegexVersion(@ForAll("htmlish") String html) {
        assertThat(MimeText.htmlToText(html)).as("%s", html).isEqualTo(htmlToTextByRegex(html));
    }

    @Provide
    Arbitrary<String> htmlish() {
        // tokens that meet every branch: script/style elements in any ASCII case and with look-alikes that only
        // Unicode case folding would match, other tags, stray brackets, entities and near-entities, blanks and
        // line ends around them
        Arbitrary<String> token = Arbitraries.of("<", ">", "</", "/>", "<script>", "</script>", "<SCRIPT type=x>",
                "</Script>", "<style>", "</STYLE>", "<styles>", "</style >", "<ſcript>", "</ſcript>", "<scrıpt>",
                "<br>", "<BR/>", "<br />", "<p>", "</p>", "<div class=\"a\">", "<h1>", "<td>", "<>", "< >", "<a\nb>",
                "&nbsp;", "&lt;", "&gt;", "&quot;", "&#39;", "&amp;", "&amp;lt;", "&", "&nbsp", ";", " ", "  ", "\t",
                "\n", "\n\n", "\n\n\n", " \n", "\t\n", "x", "text", "é", "\uD83D\uDE00", "script", "style");
        return token.list().ofMaxSize(30).map(l -> String.join("", l));
    }

    @Test
    void htmlToTextIsTheRegexVersionOverTheCorpus() throws IOException {
        List<String> htmls = new ArrayList<>();
        for (byte[] raw : corpus()) {
            htmls.add(new String(raw, StandardCharsets.ISO_8859_1)); // whole messages: HTML bodies and much else
            FastMime.walk(MimeText.toLf(raw), new FastMime.Leaves() {
                @Override
                public boolean wants(String type) {
                    return type.equals("text/html");
                }

                @Override
                public void leaf(String type, String charset, byte[] bytes, int off, int len, boolean lfOnly) {
                    htmls.add(MimeText.decodeLf(bytes, off, len, charset));
                }

                @Override
                public void noStartBoundary() {
                }
            });
        }
        int parts = htmls.size() - corpus().size();
        System.out.printf("htmlToText compared over %d messages and %d text/html parts%n", corpus().size(), parts);
        assertThat(parts).isGreaterThan(20);
        for (String html : htmls) {
            assertThat(MimeText.htmlToText(html)).isEqualTo(htmlToTextByRegex(html));
        }
    }

    @Property(tries = 1000)
    void toLfIsTheByteLoop(@ForAll("lineEnds") String s) {
        byte[] raw = s.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(MimeText.toLf(raw)).isEqualTo(toLfByBytes(raw));
        // a slice anywhere in a longer array, as FastMime's leaves are decoded
        byte[] padded = ("ab\r" + s + "\r\ncd").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(MimeText.decodeLf(padded, 3, raw.length, "ISO-8859-1"))
                .isEqualTo(new String(toLfByBytes(raw), StandardCharsets.ISO_8859_1));
    }

    @Provide
    Arbitrary<String> lineEnds() {
        return Arbitraries.of("\r", "\n", "\r\n", "\n\r", "a", "bcdefghij", "klmnopqrstuvwxyz0123").list().ofMaxSize(40)
                .map(l -> String.join("", l));
    }

    @Test
    void toLfReturnsTheInputWhenThereIsNothingToChange() {
        byte[] lf = "a\nb\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(MimeText.toLf(lf)).isSameAs(lf);
    }

    private static List<byte[]> corpus() throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources/corpora/bounces"))) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".eml")).sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
        }
        return out;
    }
}
