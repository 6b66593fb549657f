package org.maildoctor.bounce.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link Headers#parse} (one pass over indexes, values built when first read) against the line-by-line
 * reading it replaced, kept here as the reference: same fields, same lookups.
 */
class HeadersTest {

    /** The line-by-line parse {@link Headers#parse} replaced. */
    static List<Headers.Field> parseByLines(String text) {
        List<Headers.Field> out = new ArrayList<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (int at = 0; at <= text.length(); ) {
            int nl = text.indexOf('\n', at);
            String line = text.substring(at, nl < 0 ? text.length() : nl);
            at = nl < 0 ? text.length() + 1 : nl + 1;
            if (line.isEmpty()) {
                break;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                value.append(' ').append(line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.substring(0, colon).strip().contains(" ")) {
                if (line.startsWith("From ") && out.isEmpty() && name == null) {
                    continue;
                }
                break;
            }
            if (name != null) {
                out.add(new Headers.Field(name, MimeText.decodeWords(value.toString().strip())));
            }
            name = line.substring(0, colon).strip();
            value.setLength(0);
            value.append(line.substring(colon + 1));
        }
        if (name != null) {
            out.add(new Headers.Field(name, MimeText.decodeWords(value.toString().strip())));
        }
        return out;
    }

    @Property(tries = 3000)
    void sameFieldsAsTheLineByLineReading(@ForAll("headerish") String text) {
        assertSame(text);
    }

    @Provide
    Arbitrary<String> headerish() {
        // names with blanks around or inside, Unicode whitespace that strip() removes and no-break spaces it keeps,
        // folds of blanks only, encoded words, mbox lines, lines without colons, missing final line ends
        Arbitrary<String> token = Arbitraries.of("Subject", "subject", "To", "X-Y", " Name ", "A B", "\u2003Sp", "From ",
                "From x@y Mon", ":", ": ", " ", "\t", "\n", "\n ", "\n\t", "\n\n", "\n  \n", "value", "a, b", "\u00a0",
                "\u2003", "=?UTF-8?B?w6k=?=", "=?iso-8859-1?Q?caf=E9?=", "=?x?", "é", "\uD83D\uDE00", "\u001f", "\r");
        return token.list().ofMaxSize(25).map(l -> String.join("", l));
    }

    @Test
    void sameFieldsOverTheCorpus() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources/corpora/bounces"))) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".eml")).sorted().toList()) {
                String text = new String(MimeText.toLf(Files.readAllBytes(p)), StandardCharsets.UTF_8);
                assertSame(text);
                int returned = text.indexOf("\n\nReturn-Path:");
                if (returned >= 0) {
                    assertSame(text.substring(returned + 2));
                }
            }
        }
    }

    @Test
    void madeFromFields() {
        Headers h = new Headers(List.of(new Headers.Field("To", "a@b"), new Headers.Field("to", "c@d")));
        assertThat(h.get("TO")).isEqualTo("a@b");
        assertThat(h.all("To")).containsExactly("a@b", "c@d");
        assertThat(h.hasPrefix("t")).isTrue();
        assertThat(Headers.EMPTY.isEmpty()).isTrue();
        assertThat(Headers.EMPTY.get("To")).isEmpty();
    }

    private static void assertSame(String text) {
        List<Headers.Field> want = parseByLines(text);
        // lookups first, on a fresh parse, so that values are built by them rather than by fields()
        Headers h = Headers.parse(text);
        for (String name : List.of("Subject", "SUBJECT", "To", "X-Y", "Name", "From", "Received", "Sp", "")) {
            List<String> all = want.stream().filter(f -> f.name().equalsIgnoreCase(name)).map(Headers.Field::value).toList();
            assertThat(h.all(name)).as("all(%s) of %s", name, text).isEqualTo(all);
            assertThat(h.get(name)).isEqualTo(all.isEmpty() ? "" : all.get(0));
            assertThat(h.has(name)).isEqualTo(!all.isEmpty());
            assertThat(h.first(name).isPresent()).isEqualTo(!all.isEmpty());
        }
        assertThat(h.fields()).as("fields of %s", text).isEqualTo(want);
        assertThat(h.isEmpty()).isEqualTo(want.isEmpty());
        assertThat(h.hasPrefix("x-")).isEqualTo(want.stream().anyMatch(f -> f.name().toLowerCase(java.util.Locale.ROOT).startsWith("x-")));
        if (text.chars().allMatch(c -> c < 256)) {
            // the same text with its bytes at an offset in a larger array, as MailDecoder passes them
            byte[] latin = text.getBytes(StandardCharsets.ISO_8859_1);
            byte[] image = new byte[latin.length + 11];
            java.util.Arrays.fill(image, (byte) '\n');
            System.arraycopy(latin, 0, image, 5, latin.length);
            assertThat(Headers.parse(text, image, 5).fields()).as("fields of %s from its bytes", text).isEqualTo(want);
        }
    }
}
