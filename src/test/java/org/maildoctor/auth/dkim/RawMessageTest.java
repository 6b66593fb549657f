package org.maildoctor.auth.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RawMessageTest {
    /** The straightforward rule, kept as the oracle for the optimised scan: bare CR or LF becomes CRLF. */
    private static byte[] oracle(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\r' && i + 1 < in.length && in[i + 1] == '\n') {
                out.write('\r');
                out.write('\n');
                i++;
            } else if (in[i] == '\r' || in[i] == '\n') {
                out.write('\r');
                out.write('\n');
            } else {
                out.write(in[i]);
            }
        }
        return out.toByteArray();
    }

    @Test
    void lineEndingsAgreeWithTheOracleOnRandomInput() {
        Random random = new Random(5322);
        byte[] alphabet = {'\r', '\n', 'a', ' ', ':'};
        for (int n = 0; n < 20_000; n++) {
            byte[] in = new byte[random.nextInt(16)];
            for (int i = 0; i < in.length; i++) {
                in[i] = alphabet[random.nextInt(alphabet.length)];
            }
            byte[] got = RawMessage.normalizeLineEndings(in);
            assertThat(got).as("%s", new String(in, StandardCharsets.ISO_8859_1).replace("\r", "\\r").replace("\n", "\\n"))
                    .isEqualTo(oracle(in));
            assertThat(got).isNotSameAs(in);
        }
    }

    @Test
    void foldedFieldsKeepTheirBytes() {
        RawMessage m = RawMessage.parse("From: a\n\tb\r\nSubject:  x \r\n\r\nbody\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(m.headers()).extracting(HeaderField::raw).containsExactly("From: a\r\n\tb", "Subject:  x ");
        assertThat(m.headers()).extracting(HeaderField::name).containsExactly("From", "Subject");
        assertThat(new String(m.body(), StandardCharsets.US_ASCII)).isEqualTo("body\r\n");
    }
}
