package org.maildoctor.smtp;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Generated text shaped like SMTP replies and bounce diagnostics, for the tests that compare a
 * hand-written scanner with the regex it replaced: codes and near-codes (too many digits, a trailing
 * dot, a version number), the punctuation around them, spaces of every kind, letters and non-ASCII.
 */
public final class ReplyShapedText {

    private ReplyShapedText() {
    }

    private static final List<String> PIECES = List.of("550", "554", "421", "250", "451", "599", "5", "4", "2", "0", "9",
            "12", "1234", "5.1.1", "4.7.0", "5.7.606", "2.0.0", "4.4.7", "5.1.1234", "5.1234.1", "5.1.", "5.", "1.2.3.4",
            "X.1.1", ".", "..", "-", " ", "  ", "\t", "\n", "\r\n", "\u000B", "\f", "\u00A0", "\u2028", "'", "\"", ":", ";",
            "#", "(", ")", "[", "]", "<", ">", "_", "/", "a", "Z", "x", "é", "İ", "K", "user unknown", "http://a.example/p",
            "HTTPS://B.example", "http", "s://", "HtTp://x", "://", "\u0085", "\u2029", "\r", "said:", "smtp;", "<jane@example.org>:", "<JANE@Example.org>:");

    /** Up to {@code maxPieces} pieces joined. */
    public static Arbitrary<String> text(int maxPieces) {
        return Arbitraries.of(PIECES).list().ofMaxSize(maxPieces).map(l -> String.join("", l));
    }
}
