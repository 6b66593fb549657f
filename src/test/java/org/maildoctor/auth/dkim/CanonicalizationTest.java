package org.maildoctor.auth.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6376 3.4 canonicalization, with the RFC's own example (3.4.6) and the errata 1384 empty-body hashes. */
class CanonicalizationTest {
    // RFC 6376 3.4.6: "A: <SP> X <CRLF> B <SP> : <SP> Y <HTAB><CRLF> <HTAB> Z <SP><SP><CRLF> <CRLF> <SP> C <SP><CRLF>
    // D <SP><HTAB><SP> E <CRLF> <CRLF> <CRLF>"
    static final String EXAMPLE = "A: X\r\nB : Y\t\r\n\tZ  \r\n\r\n C \r\nD \t E\r\n\r\n\r\n";

    @Test
    void rfc6376Example346Relaxed() {
        RawMessage m = RawMessage.parse(EXAMPLE.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(m.headers()).hasSize(2);
        assertThat(Canonicalization.RELAXED.header(m.headers().get(0).raw())).isEqualTo("a:X\r\n");
        assertThat(Canonicalization.RELAXED.header(m.headers().get(1).raw())).isEqualTo("b:Y Z\r\n");
        assertThat(text(Canonicalization.RELAXED.body(m.body()))).isEqualTo(" C\r\nD E\r\n");
    }

    @Test
    void rfc6376Example346Simple() {
        RawMessage m = RawMessage.parse(EXAMPLE.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(Canonicalization.SIMPLE.header(m.headers().get(0).raw())).isEqualTo("A: X\r\n");
        assertThat(Canonicalization.SIMPLE.header(m.headers().get(1).raw())).isEqualTo("B : Y\t\r\n\tZ  \r\n");
        assertThat(text(Canonicalization.SIMPLE.body(m.body()))).isEqualTo(" C \r\nD \t E\r\n");
    }

    @ParameterizedTest(name = "{0} body ''{1}'' → ''{2}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            SIMPLE  | ""                 | "\\r\\n"
            RELAXED | ""                 | ""
            SIMPLE  | "\\r\\n\\r\\n"     | "\\r\\n"
            RELAXED | "\\r\\n \\r\\n"    | ""
            SIMPLE  | "abc"              | "abc\\r\\n"
            RELAXED | "abc"              | "abc\\r\\n"
            SIMPLE  | "a  b \\r\\n"      | "a  b \\r\\n"
            RELAXED | "a  b \\r\\n"      | "a b\\r\\n"
            RELAXED | "\\t x\\t\\r\\n\\r\\n" | " x\\r\\n"
            """)
    void bodies(Canonicalization c, String in, String out) {
        assertThat(text(c.body(bytes(unescape(in))))).isEqualTo(unescape(out));
    }

    @ParameterizedTest(name = "relaxed header ''{0}'' → ''{1}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "Subject:  Hello   World  "                 | "subject:Hello World\\r\\n"
            "SUBJECT :\\tHi\\r\\n\\tthere"              | "subject:Hi there\\r\\n"
            "X-Empty:"                                  | "x-empty:\\r\\n"
            "X-Empty:   \\r\\n  "                       | "x-empty:\\r\\n"
            """)
    void relaxedHeaders(String raw, String canonical) {
        assertThat(Canonicalization.RELAXED.header(unescape(raw))).isEqualTo(unescape(canonical));
    }

    /** RFC 4871 errata 1376 / 1384 (kept by RFC 6376): the SHA-256 of the empty body in both algorithms. */
    @Test
    void emptyBodyHashes() throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        assertThat(b64(sha256.digest(Canonicalization.SIMPLE.body(new byte[0]))))
                .isEqualTo("frcCV1k9oG9oKj3dpUqdJg1PxRT2RSN/XKdLCPjaYaY=");
        assertThat(b64(sha256.digest(Canonicalization.RELAXED.body(new byte[0]))))
                .isEqualTo("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    }

    @Test
    void bareLfAndBareCrBecomeCrlf() {
        assertThat(text(RawMessage.normalizeLineEndings(bytes("a\nb\rc\r\nd\r\r\n")))).isEqualTo("a\r\nb\r\nc\r\nd\r\n\r\n");
        RawMessage m = RawMessage.parse(bytes("From: a\r  folded\rTo: b\r\rbody\r"));
        assertThat(m.headers()).extracting(HeaderField::key).containsExactly("from", "to");
        assertThat(m.headers().getFirst().raw()).isEqualTo("From: a\r\n  folded");
        assertThat(text(m.body())).isEqualTo("body\r\n");
    }

    @Test
    void splitterKeepsNonAsciiBytesAndToleratesGarbage() {
        byte[] in = {'S', ':', ' ', (byte) 0xE9, (byte) 0xFF, '\r', '\n', 'n', 'o', 'c', 'o', 'l', 'o', 'n', '\r', '\n'};
        RawMessage m = RawMessage.parse(in);
        assertThat(m.headers()).hasSize(2);
        assertThat(m.headers().getFirst().raw().getBytes(StandardCharsets.ISO_8859_1))
                .containsExactly('S', ':', ' ', (byte) 0xE9, (byte) 0xFF);
        assertThat(m.headers().get(1).key()).isEqualTo("nocolon");
        assertThat(m.body()).isEmpty();
    }

    static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t");
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
