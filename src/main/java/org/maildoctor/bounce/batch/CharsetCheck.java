package org.maildoctor.bounce.batch;

import jakarta.mail.internet.MimeUtility;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.maildoctor.text.Bytes;

/**
 * Names the charsets a message declares ({@code charset=} parameters) that Java cannot decode. The
 * parser still reads such text (as UTF-8, else Latin-1) without complaint; the batch says so, since
 * the words of a diagnostic may then be garbled. Pure; scans at most the first megabyte.
 */
final class CharsetCheck {
    private static final byte[] NEEDLE = "charset=".getBytes(StandardCharsets.US_ASCII);
    private static final int SCAN = 1024 * 1024;
    private static final int MAX_NAME = 40;
    private CharsetCheck() {
    }

    static Set<String> unknown(byte[] m) {
        Set<String> out = null; // most messages name only known charsets
        int scan = Math.min(m.length, SCAN);
        int i = 0;
        while (true) {
            i = Bytes.indexOfIgnoreCase(m, NEEDLE, i, scan); // eight bytes at a time
            if (i < 0) {
                break;
            }
            int s = i + NEEDLE.length;
            if (s < m.length && (m[s] == '"' || m[s] == '\'')) {
                s++;
            }
            int e = s;
            while (e < m.length && e - s < MAX_NAME && isNameByte(m[e])) {
                e++;
            }
            if (e > s) {
                String name = new String(m, s, e - s, StandardCharsets.US_ASCII);
                if (!supported(name)) {
                    if (out == null) {
                        out = new LinkedHashSet<>();
                    }
                    out.add(name.toLowerCase(Locale.ROOT));
                }
            }
            i = e + 1;
        }
        return out == null ? Set.of() : out;
    }

    private static boolean isNameByte(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' || b == '_'
                || b == '.' || b == ':' || b == '+';
    }

    /** Names seen and the answer: the lookup costs more than scanning a message. Bounded: names come from the input. */
    private static final java.util.Map<String, Boolean> SEEN = new java.util.concurrent.ConcurrentHashMap<>();

    static boolean supported(String name) {
        Boolean known = SEEN.get(name);
        if (known != null) {
            return known;
        }
        boolean ok;
        try {
            ok = Charset.isSupported(MimeUtility.javaCharset(name));
        } catch (RuntimeException e) {
            ok = false; // an illegal name is as unknown as an unsupported one
        }
        if (SEEN.size() < 1024) {
            SEEN.put(name, ok);
        }
        return ok;
    }
}
