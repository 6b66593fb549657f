package org.maildoctor.bounce.batch;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Year;
import java.util.Optional;

/** The Date: field of a message's top-level header, read without decoding the message. */
final class MessageDate {
    private static final int HEADER_SCAN = 16 * 1024;

    private MessageDate() {
    }

    static Optional<Instant> of(byte[] message, Year year) {
        String head = new String(message, 0, Math.min(message.length, HEADER_SCAN), StandardCharsets.ISO_8859_1);
        int pos = 0;
        while (pos < head.length()) {
            int eol = head.indexOf('\n', pos);
            int cr = head.indexOf('\r', pos);
            if (eol < 0 || (cr >= 0 && cr < eol)) {
                eol = cr;
            }
            if (eol < 0) {
                eol = head.length();
            }
            String line = head.substring(pos, eol);
            if (line.isBlank() && pos > 0) {
                return Optional.empty(); // end of the header
            }
            if (line.regionMatches(true, 0, "Date:", 0, 5)) {
                return MailDates.parse(line.substring(5), year);
            }
            pos = eol + 1;
            if (pos < head.length() && head.charAt(eol) == '\r' && head.charAt(pos) == '\n') {
                pos++;
            }
        }
        return Optional.empty();
    }
}
