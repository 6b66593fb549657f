package org.maildoctor.warmup.network;

import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The warm-up identifier. A token is {@code mdw-} followed by ten base32 characters; it travels in
 * the {@value WarmupMessage#TOKEN_HEADER} header and as a last body line {@code Ref: mdw-…}, so mail
 * is still recognised when a provider strips unknown headers. Quoted lines ({@code >}) are skipped:
 * a reply quoting a warm-up message carries the quoted token and its own, and its own is the one.
 */
public final class WarmupMarker {
    static final String PREFIX = "mdw-";
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final Pattern TOKEN = Pattern.compile("^mdw-[a-z2-7]{10}$");
    private static final Pattern BODY_LINE = Pattern.compile("(?m)^[ \\t]*Ref: (mdw-[a-z2-7]{10})[ \\t]*\\r?$");

    private WarmupMarker() {
    }

    public static String newToken(RandomGenerator random) {
        char[] c = new char[10];
        for (int i = 0; i < c.length; i++) {
            c[i] = BASE32[random.nextInt(BASE32.length)];
        }
        return PREFIX + new String(c);
    }

    public static boolean isToken(String text) {
        return text != null && TOKEN.matcher(text.strip().toLowerCase(Locale.ROOT)).matches();
    }

    /** The body line that carries the token. */
    public static String bodyLine(String token) {
        return "Ref: " + token;
    }

    /**
     * The token of a warm-up message, from its header value (null when absent) or else its text body
     * (null when not read); empty when the message is not warm-up mail.
     */
    public static Optional<String> recognise(String headerValue, String textBody) {
        if (isToken(headerValue)) {
            return Optional.of(headerValue.strip().toLowerCase(Locale.ROOT));
        }
        if (textBody == null) {
            return Optional.empty();
        }
        Matcher m = BODY_LINE.matcher(textBody);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether a body or search hit may hold a token: the cheap pre-filter for an IMAP BODY search. */
    public static String searchText() {
        return "Ref: " + PREFIX;
    }
}
