package org.maildoctor.auth.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HeaderHashTest {
    /** The regex the hand scan replaced (RFC 6376 3.7: b= value deleted, tag kept); kept here as the oracle. */
    private static final Pattern B_VALUE = Pattern.compile("(^|;)([ \\t\\r\\n]*b[ \\t\\r\\n]*=)[^;]*");

    private static String byRegex(String value) {
        return B_VALUE.matcher(value).replaceAll(mr -> Matcher.quoteReplacement(mr.group(1) + mr.group(2)));
    }

    @Test
    void removesOnlyTheBValue() {
        assertThat(HeaderHash.withoutBValue(" v=1; a=rsa-sha256; bh=abc=; b=Zm9v\r\n\tYmFy; d=x"))
                .isEqualTo(" v=1; a=rsa-sha256; bh=abc=; b=; d=x");
        assertThat(HeaderHash.withoutBValue("b =abc")).isEqualTo("b =");
        assertThat(HeaderHash.withoutBValue("v=1; b\r\n =a;b=c;")).isEqualTo("v=1; b\r\n =;b=;");
        assertThat(HeaderHash.withoutBValue("v=1; bh=x")).isEqualTo("v=1; bh=x");
    }

    @Test
    void agreesWithTheRegexOnRandomTagLists() {
        Random random = new Random(6376);
        String alphabet = "b=;h \t\r\nvax1";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(24);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            assertThat(HeaderHash.withoutBValue(s)).as("'%s'", s).isEqualTo(byRegex(s));
        }
    }
}
